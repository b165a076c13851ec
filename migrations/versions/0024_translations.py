"""officers' translations of a consultation's texts; the language of a text answer, and a count of those awaiting review

Revision ID: 0024_translations
Revises: 0023_i18n
Create Date: 2026-12-03 19:40:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0024_translations'
down_revision = '0023_i18n'
branch_labels = None
depends_on = None

OLD_PHRASE_KINDS = "kind IN ('emerging', 'theme', 'band')"
# "language": answers in another language awaiting an officer, counted apart from "no theme".
NEW_PHRASE_KINDS = "kind IN ('emerging', 'theme', 'band', 'language')"


def upgrade():
    op.create_table('translation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('consultation_id', 'language', 'key', name='uq_translation_text')
    )
    with op.batch_alter_table('translation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_translation_consultation_id'), ['consultation_id'], unique=False)
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=10), nullable=True))
    with op.batch_alter_table('summary_phrase', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_summary_phrase_kind'), type_='check')
        batch_op.create_check_constraint('kind', sa.text(NEW_PHRASE_KINDS))


def downgrade():
    op.execute("DELETE FROM summary_phrase WHERE kind = 'language'")
    with op.batch_alter_table('summary_phrase', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_summary_phrase_kind'), type_='check')
        batch_op.create_check_constraint('kind', sa.text(OLD_PHRASE_KINDS))
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.drop_column('language')
    with op.batch_alter_table('translation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_translation_consultation_id'))
    op.drop_table('translation')
