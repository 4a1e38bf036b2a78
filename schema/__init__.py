"""The OKR file JSON Schema, shipped inside the okrdocs package as okrdocs.schema."""
