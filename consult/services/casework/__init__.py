"""Officers' work on single responses: the safeguarding queue, erasure, retention and suspect submissions."""
