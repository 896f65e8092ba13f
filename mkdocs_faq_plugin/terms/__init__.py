"""What a glossary term looks like in running text: its surface forms, how each writing system
divides words, the compiled matcher, and the reports `mkdocs-faq check` prints about terms."""
