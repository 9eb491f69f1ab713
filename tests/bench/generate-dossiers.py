#!/usr/bin/python3
"""Generate N realistic dossier bundles in a folder, for the inbox benchmark.

    /usr/bin/python3 tests/bench/generate-dossiers.py --count 10000 OUTDIR

Each dossier starts from one of the shipped samples (tests/data/samples, valid for their
profile) and gets a new id, applicant (varied names with accents, e-mail, date of birth),
destination, Table A rows and submission date, so the set looks like a real call: mostly
KA131 students and staff, some of every other programme. About 5 % are made invalid
(an excluded destination, a missing e-mail, an end before the start) and about 1 % repeat
an earlier applicant under a new id. The integrity digest is computed over the canonical form
of docs/bundle-format.md, so the files load as intact.

The output is deterministic for a given --count and --seed. Files already in OUTDIR that
match the name pattern are overwritten; nothing else is touched.
"""

import argparse
import copy
import datetime
import glob
import hashlib
import json
import os
import random
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, '..', 'data', 'samples')

GIVEN = ['Lotte', 'Emma', 'Noah', 'Louis', 'Zoë', 'Élise', 'Jonas', 'Amira', 'Mateo', 'Sofía',
         'Ngozi', 'Kwame', 'Anh', 'Chloé', 'Lukas', 'Marta', 'Björn', 'Inès', 'Yusuf', 'Hana',
         'Pieter', 'Fatima', 'Oskar', 'Léa', 'Thomas', 'Aïcha', 'Sven', 'Nora', 'Rui', 'Ewa']
FAMILY = ['Peeters', 'Janssens', 'Maes', 'Van den Broeck', 'Dubois', 'Lambert', 'Müller',
          'García', 'Nguyen', 'Okafor', 'Mensah', "O'Brien", 'Kowalski', 'Novák', 'Rossi',
          'De Smet', 'Willems', 'Claes', 'Goossens', 'Wouters', 'Ferreira', 'Andersson',
          'Haddad', 'Mertens', 'Vermeulen', 'Jacobs', 'Leroy', 'Smits', 'Diallo', 'Çelik']
EU = ['AT', 'BG', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'NL',
      'PL', 'PT', 'RO', 'SE', 'SI', 'SK']
NON_ASSOCIATED = ['US', 'CA', 'GB', 'CH', 'JP', 'KE', 'ZA', 'BR', 'IN', 'VN']
COURSES = ['Epidemiology', 'Biostatistics', 'Health Economics', 'Medical Entomology',
           'Global Health Policy', 'Clinical Tropical Medicine', 'One Health', 'Parasitology',
           'Vaccinology', 'Research Methods', 'Health Systems', 'Molecular Diagnostics']

# Template weights: mostly the KA131 call a coordinator allocates.
WEIGHTS = {
    'erasmus-ka131-2024--sms': 30, 'erasmus-ka131-2024--smt': 15, 'erasmus-ka131-2024--stt': 12,
    'erasmus-ka131-2024--sms_blended': 5, 'erasmus-ka131-2024--doctoral_short': 5,
}


def canonical(value):
    """The canonical form: members sorted, no whitespace, as json-glib writes it."""
    if isinstance(value, dict):
        return '{' + ','.join(canonical_string(k) + ':' + canonical(value[k])
                              for k in sorted(value, key=lambda k: k.encode('utf-8'))) + '}'
    if isinstance(value, list):
        return '[' + ','.join(canonical(v) for v in value) + ']'
    if value is True or value is False or value is None:
        return {True: 'true', False: 'false', None: 'null'}[value]
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = '%.17g' % value
        return text if '.' in text else text + '.0'
    return canonical_string(value)


def canonical_string(text):
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append('\\' + ch)
        elif ch in '\b\f\n\r\t':
            out.append({'\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t'}[ch])
        elif 0 < code < 0x1f or code == 0x7f:
            out.append('\\u%04x' % code)
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def stamp(bundle):
    bundle.pop('integrity', None)
    digest = hashlib.sha256(canonical(bundle).encode('utf-8')).hexdigest()
    bundle['integrity'] = {'algorithm': 'sha256', 'digest': digest}


def load_templates():
    templates = {}
    for path in sorted(glob.glob(os.path.join(SAMPLES, '*.dossier.json'))):
        name = os.path.basename(path)[:-len('.dossier.json')]
        with open(path, encoding='utf-8') as f:
            templates[name] = json.load(f)
    return templates


def ascii_fold(text):
    table = str.maketrans('ëéèïîöüäçáíóúñœå', 'eeeiiouacaiounoa')
    return ''.join(c for c in text.lower().translate(table) if c.isalnum())


def vary_person(bundle, rng, person):
    applicant = bundle['applicant']
    applicant['given_name'], applicant['family_name'], applicant['email'], applicant['date_of_birth'] = person


def new_person(rng, index):
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    email = '%s.%s.%d@example.org' % (ascii_fold(given), ascii_fold(family), index)
    birth = '%04d-%02d-%02d' % (rng.randint(1965, 2004), rng.randint(1, 12), rng.randint(1, 28))
    return given, family, email, birth


def vary_mobility(bundle, rng):
    mobility = bundle['mobility']
    if bundle['programme'] == 'erasmus-ka131-2024':
        if mobility['activity'] != 'stt' and rng.random() < 0.15:
            mobility['destination_country'] = rng.choice(NON_ASSOCIATED)
        else:
            mobility['destination_country'] = rng.choice(EU)


def vary_components(bundle, rng):
    table_a = bundle.get('learning_agreement', {}).get('table_a')
    if not table_a:
        return
    for i, row in enumerate(table_a):
        row['code'] = 'C%03d-%d' % (rng.randint(1, 999), i)
        row['title'] = rng.choice(COURSES) + (' (practical)' if rng.random() < 0.2 else '')


def vary_dates(bundle, rng):
    when = datetime.datetime(2026, 1, 15, 7) + datetime.timedelta(seconds=rng.randrange(44 * 86400))
    stamp_time = when.strftime('%Y-%m-%dT%H:%M:%SZ')
    bundle['created'] = '2026-01-%02dT09:00:00Z' % rng.randint(2, 14)
    bundle['modified'] = stamp_time
    if rng.random() < 0.7:
        bundle['submissions'] = [{'endpoint': 'https://intake.example.org/api/dossiers',
                                  'timestamp': stamp_time, 'receipt': {'id': 'R-%06d' % rng.randint(0, 999999)}}]


def break_it(bundle, rng):
    kind = rng.randrange(3)
    if kind == 0:
        bundle['mobility']['destination_country'] = 'BE'
    elif kind == 1:
        bundle['applicant'].pop('email', None)
    else:
        bundle['mobility']['end_date'], bundle['mobility']['start_date'] = \
            bundle['mobility']['start_date'], bundle['mobility']['end_date']


def generate(count, folder, seed):
    rng = random.Random(seed)
    templates = load_templates()
    names = sorted(templates)
    weights = [WEIGHTS.get(n, 1.5) for n in names]
    people = []
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        template = rng.choices(names, weights)[0]
        bundle = copy.deepcopy(templates[template])
        bundle['id'] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        person = rng.choice(people) if people and rng.random() < 0.01 else new_person(rng, i)
        people.append(person)
        vary_person(bundle, rng, person)
        vary_mobility(bundle, rng)
        vary_components(bundle, rng)
        vary_dates(bundle, rng)
        if rng.random() < 0.05:
            break_it(bundle, rng)
        stamp(bundle)
        path = os.path.join(folder, 'dossier-%06d.dossier.json' % i)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(json.dumps(bundle, indent=2, ensure_ascii=False) + '\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--count', type=int, default=1000)
    parser.add_argument('--seed', type=int, default=2024)
    parser.add_argument('folder')
    args = parser.parse_args()
    generate(args.count, args.folder, args.seed)


if __name__ == '__main__':
    sys.exit(main())
