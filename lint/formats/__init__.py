"""Built-in output formats. Each module is a plugin implementing ``framelint_output_formats``."""
