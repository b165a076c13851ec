"""Staff accounts, the sign-in throttle and the audit log."""
