"""What we write for readers: the generated FAQ and glossary pages, their labels and templates,
JSON-LD, "Used in" lists, the faq.json/CSV export and the CSS/JS bundles."""
