from audit.checks import quotes  # noqa: F401  (Q1xx)
