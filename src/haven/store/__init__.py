"""The only package that imports sqlcipher3: the vault file, migrations and table access."""
