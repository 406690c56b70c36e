"""Cross-script personal names: folding any script to one Latin form, keys for an index, and
matching that tolerates transliteration schemes, Russian case endings and spelling variants."""
