"""Finding what is installed: the OS adapters, the signatures, the matcher and the scan."""
