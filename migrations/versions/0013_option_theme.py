"""an option of a choice question can count towards a theme; summary counts by source

Revision ID: 0013_option_theme
Revises: 0012_analysis_model_version
Create Date: 2026-12-03 16:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013_option_theme'
down_revision = '0012_analysis_model_version'
branch_labels = None
depends_on = None

OLD_KINDS = "kind IN ('respondents', 'option', 'question', 'theme')"
NEW_KINDS = "kind IN ('respondents', 'option', 'question', 'theme', 'written', 'ticked')"


def _recount_everything():
    # Theme counts now include ticked options: the board recounts every cell on its next read.
    op.execute("DELETE FROM summary_stale")
    op.execute("INSERT INTO summary_stale (consultation_id, area_key, channel, day) VALUES (0, 0, '', '1970-01-01')")


def upgrade():
    with op.batch_alter_table('option', schema=None) as batch_op:
        batch_op.add_column(sa.Column('theme_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_option_theme_id_theme'), 'theme', ['theme_id'], ['id'], ondelete='SET NULL'
        )
    with op.batch_alter_table('summary_count', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_summary_count_kind'), type_='check')
        batch_op.create_check_constraint('kind', sa.text(NEW_KINDS))
    _recount_everything()


def downgrade():
    op.execute("DELETE FROM summary_count WHERE kind IN ('written', 'ticked')")
    with op.batch_alter_table('summary_count', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_summary_count_kind'), type_='check')
        batch_op.create_check_constraint('kind', sa.text(OLD_KINDS))
    with op.batch_alter_table('option', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_option_theme_id_theme'), type_='foreignkey')
        batch_op.drop_column('theme_id')
    _recount_everything()
