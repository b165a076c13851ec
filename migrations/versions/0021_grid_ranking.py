"""grid and ranking questions: a grid's scale points, a ranking's ranks, an answer's point or rank, counts per choice

Revision ID: 0021_grid_ranking
Revises: 0020_equality_monitoring
Create Date: 2026-12-03 17:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021_grid_ranking'
down_revision = '0020_equality_monitoring'
branch_labels = None
depends_on = None

OLD_QUESTION_KINDS = "kind IN ('single', 'multiple', 'scale', 'short_text', 'long_text', 'area')"
NEW_QUESTION_KINDS = "kind IN ('single', 'multiple', 'scale', 'short_text', 'long_text', 'area', 'grid', 'ranking')"
OLD_COUNT_KINDS = "kind IN ('respondents', 'option', 'question', 'theme', 'written', 'ticked')"
NEW_COUNT_KINDS = "kind IN ('respondents', 'option', 'question', 'theme', 'written', 'ticked', 'choice')"
OLD_CELL = ['consultation_id', 'kind', 'area_key', 'channel', 'day', 'item_id']


def upgrade():
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scale_points', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('ranks', sa.Integer(), nullable=True))
        batch_op.drop_constraint(batch_op.f('ck_question_kind'), type_='check')
        batch_op.create_check_constraint('kind', sa.text(NEW_QUESTION_KINDS))
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('choice', sa.Integer(), nullable=True))
    with op.batch_alter_table('summary_count', schema=None) as batch_op:
        batch_op.add_column(sa.Column('choice', sa.Integer(), server_default='0', nullable=False))
        batch_op.drop_constraint(batch_op.f('uq_summary_count_cell'), type_='unique')
        batch_op.create_unique_constraint('uq_summary_count_cell', [*OLD_CELL, 'choice'])
        batch_op.drop_constraint(batch_op.f('ck_summary_count_kind'), type_='check')
        batch_op.create_check_constraint('kind', sa.text(NEW_COUNT_KINDS))


def downgrade():
    op.execute("DELETE FROM summary_count WHERE kind = 'choice'")
    with op.batch_alter_table('summary_count', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_summary_count_kind'), type_='check')
        batch_op.create_check_constraint('kind', sa.text(OLD_COUNT_KINDS))
        batch_op.drop_constraint(batch_op.f('uq_summary_count_cell'), type_='unique')
        batch_op.create_unique_constraint('uq_summary_count_cell', OLD_CELL)
        batch_op.drop_column('choice')
    # Foreign keys are off while SQLite rebuilds tables: delete their options and answers too.
    op.execute("DELETE FROM answer WHERE question_id IN (SELECT id FROM question WHERE kind IN ('grid', 'ranking'))")
    op.execute("UPDATE question SET show_when_option_id = NULL WHERE show_when_option_id IN "
               "(SELECT option.id FROM option JOIN question ON question.id = option.question_id WHERE question.kind IN ('grid', 'ranking'))")
    op.execute("DELETE FROM option WHERE question_id IN (SELECT id FROM question WHERE kind IN ('grid', 'ranking'))")
    op.execute("DELETE FROM question WHERE kind IN ('grid', 'ranking')")
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.drop_column('choice')
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_question_kind'), type_='check')
        batch_op.create_check_constraint('kind', sa.text(OLD_QUESTION_KINDS))
        batch_op.drop_column('ranks')
        batch_op.drop_column('scale_points')
