"""indexes for the board at a million answers: a theme's answers in order, an option's respondents, the flagged answers

Revision ID: 0025_speed
Revises: 0024_translations
Create Date: 2026-12-03 19:30:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0025_speed'
down_revision = '0024_translations'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_answer_theme_theme_answer', 'answer_theme', ['theme_id', 'answer_id'], unique=False)
    op.create_index('ix_answer_option_response', 'answer', ['option_id', 'response_id'], unique=False)
    op.create_index(
        'ix_answer_flagged_response', 'answer', ['response_id'], unique=False,
        sqlite_where=sa.text("safeguarding_level != 'none'"), postgresql_where=sa.text("safeguarding_level != 'none'"),
    )


def downgrade():
    op.drop_index('ix_answer_flagged_response', table_name='answer')
    op.drop_index('ix_answer_option_response', table_name='answer')
    op.drop_index('ix_answer_theme_theme_answer', table_name='answer_theme')
