"""Officers' consultations: building them, their questions, lifecycle, sharing, paper entry, exports and outcomes."""
