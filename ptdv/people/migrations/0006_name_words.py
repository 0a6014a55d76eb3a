"""The word-start name index of member search, filled for the people already recorded."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from ptdv.people.search import tails  # a pure function of the stored search_name

    Person = apps.get_model("people", "Person")
    NameWord = apps.get_model("people", "NameWord")
    people = Person.objects.order_by("id").values_list("id", "search_name")
    rows = [NameWord(person_id=pk, tail=t) for pk, name in people.iterator(2000) for t in tails(name)]
    NameWord.objects.bulk_create(rows, batch_size=2000)


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0005_kept_summaries'),
    ]

    operations = [
        migrations.CreateModel(
            name='NameWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tail', models.CharField(max_length=240)),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='name_words', to='people.person')),
            ],
            options={
                'indexes': [models.Index(fields=['tail', 'person'], name='people_nameword_tail')],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
