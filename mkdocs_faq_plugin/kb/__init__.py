"""The knowledge base: faq.yml read with locations, validated, merged, translated and
selected for an audience. Pure data and problems; no host (MkDocs, Zensical) is imported here."""
