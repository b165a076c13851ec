"""themes, answer themes and analysis fields on answers

Revision ID: 0002_answer_analysis
Revises: 0001_survey_foundation
Create Date: 2026-11-26 10:56:10.252411

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002_answer_analysis'
down_revision = '0001_survey_foundation'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('theme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('terms', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme')),
    sa.UniqueConstraint('slug', name=op.f('uq_theme_slug'))
    )
    op.create_table('answer_theme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('answer_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("source IN ('auto', 'officer')", name=op.f('ck_answer_theme_source')),
    sa.ForeignKeyConstraint(['answer_id'], ['answer.id'], name=op.f('fk_answer_theme_answer_id_answer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_answer_theme_theme_id_theme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answer_theme')),
    sa.UniqueConstraint('answer_id', 'theme_id', 'source', name='uq_answer_theme_answer_theme_source')
    )
    with op.batch_alter_table('answer_theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_theme_theme_id'), ['theme_id'], unique=False)

    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('redacted_text', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('sentiment', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('subjectivity', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('phrases', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('undecided', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('safeguarding_level', sa.String(length=10), nullable=False, server_default='none'))
        batch_op.add_column(sa.Column('safeguarding_reasons', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('analysed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(), nullable=True))
        batch_op.create_index('ix_answer_safeguarding_level', ['safeguarding_level'], unique=False)
        batch_op.create_check_constraint('safeguarding_level', sa.text("safeguarding_level IN ('none', 'concern', 'urgent')"))

    # Existing rows got their values from the server defaults; new rows get them from the models.
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.alter_column('undecided', server_default=None)
        batch_op.alter_column('safeguarding_level', server_default=None)


def downgrade():
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_answer_safeguarding_level'), type_='check')
        batch_op.drop_index('ix_answer_safeguarding_level')
        batch_op.drop_column('reviewed_at')
        batch_op.drop_column('analysed_at')
        batch_op.drop_column('safeguarding_reasons')
        batch_op.drop_column('safeguarding_level')
        batch_op.drop_column('undecided')
        batch_op.drop_column('phrases')
        batch_op.drop_column('subjectivity')
        batch_op.drop_column('sentiment')
        batch_op.drop_column('redacted_text')

    with op.batch_alter_table('answer_theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answer_theme_theme_id'))

    op.drop_table('answer_theme')
    op.drop_table('theme')
