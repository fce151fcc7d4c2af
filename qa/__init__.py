"""glossqa: find where translations of Markdown documentation drifted apart."""

__version__ = "0.1.0"
