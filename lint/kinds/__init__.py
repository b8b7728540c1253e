"""Built-in rule kinds. Each module is a plugin implementing ``framelint_rule_kinds``."""
