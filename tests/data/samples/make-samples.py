#!/usr/bin/python3
"""Generate the sample dossiers in this folder, one per programme profile and activity.

    /usr/bin/python3 tests/data/samples/make-samples.py          # write the samples
    /usr/bin/python3 tests/data/samples/make-samples.py --check  # only check, write nothing

Each sample is a complete dossier that is meant to be VALID for its profile when validated with
the reference date 2026-03-01: dates fall inside the profile's mobility window and at least the
profile's lead time after that date, texts are within the word bounds, every required field and
document is present, and learning agreements follow the institute's credit rules
(data/institutions/itm.json). Before writing, the script checks each sample against its profile
with a small independent re-implementation of those rules and stops on the first problem.

The output is deterministic: ids are derived from the file name (UUID version 4 layout),
attachments are tiny placeholder PDFs, and the integrity digest is computed over the canonical
form described in docs/bundle-format.md.

Organisation names are real institutions, but Erasmus codes other than those quoted in the
reference, addresses, people and e-mail addresses are illustrative.
"""

import base64
import datetime as dt
import hashlib
import json
import os
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
PROGRAMMES = os.path.join(ROOT, 'data', 'programmes')
INSTITUTIONS = os.path.join(ROOT, 'data', 'institutions')
REFERENCE_DATE = dt.date(2026, 3, 1)

ITM = {
    'name': 'Institute of Tropical Medicine Antwerp',
    'erasmus_code': 'B  ANTWERP62',
    'country': 'BE',
}
ITM_HOST = {
    'name': 'Institute of Tropical Medicine Antwerp',
    'erasmus_code': 'B  ANTWERP62',
    'address': 'Nationalestraat 155, 2000 Antwerpen, Belgium',
    'contact_name': 'Charlotte Morantin',
    'contact_email': 'erasmusplusmobility@itg.be',
    'type': 'hei',
}
UANTWERPEN = {
    'name': 'Universiteit Antwerpen',
    'erasmus_code': 'B  ANTWERP01',
    'country': 'BE',
}


# --------------------------------------------------------------------------------------------
# Canonical form and digest (docs/bundle-format.md, "Canonical form")

def _string(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in '"\\':
            out.append('\\' + ch)
        elif ch in '\b\f\n\r\t':
            out.append({'\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t'}[ch])
        elif 0 < o < 0x1f or o == 0x7f:
            out.append('\\u%04x' % o)
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def _canonical(v):
    if isinstance(v, dict):
        names = sorted(v, key=lambda k: k.encode('utf-8'))
        return '{' + ','.join(_string(k) + ':' + _canonical(v[k]) for k in names) + '}'
    if isinstance(v, list):
        return '[' + ','.join(_canonical(x) for x in v) + ']'
    if v is True or v is False or v is None:
        return {True: 'true', False: 'false', None: 'null'}[v]
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        text = '%.17g' % v
        return text if '.' in text else text + '.0'
    return _string(v)


def digest(bundle):
    tree = {k: v for k, v in bundle.items() if k != 'integrity'}
    return hashlib.sha256(_canonical(tree).encode('utf-8')).hexdigest()


# --------------------------------------------------------------------------------------------
# Helpers

def sample_id(name):
    """A UUID with the version 4 layout, derived from the file name so that runs are stable."""
    return str(uuid.UUID(bytes=hashlib.sha256(('mobility-dossier-sample:' + name).encode()).digest()[:16], version=4))


def attachment(kind, owner):
    content = ('%PDF-1.4\n'
               '% Mobility Dossier sample attachment\n'
               f'% Kind: {kind}\n'
               f'% Applicant: {owner}\n'
               '% Placeholder content for tests; not a real document.\n'
               '%%EOF\n').encode('utf-8')
    return {
        'name': kind.replace('_', '-') + '.pdf',
        'kind': kind,
        'media_type': 'application/pdf',
        'size': len(content),
        'sha256': hashlib.sha256(content).hexdigest(),
        'data': base64.b64encode(content).decode('ascii'),
    }


def rows(term, *items):
    return [{'code': code, 'title': title, 'term': term, 'ects': ects} for code, title, ects in items]


def words(text):
    return len(text.split())


def days_30_360(start, end):
    d1, d2 = min(start.day, 30), min(end.day, 30)
    return (end.year - start.year) * 360 + (end.month - start.month) * 30 + (d2 - d1) + 1


def days_calendar(start, end):
    return (end - start).days + 1


def add_months(date, months):
    m = date.month - 1 + months
    return dt.date(date.year + m // 12, m % 12 + 1, date.day)


def get(tree, path):
    node = tree
    for step in path.split('.'):
        if not isinstance(node, dict) or step not in node:
            return None
        node = node[step]
    return node


# --------------------------------------------------------------------------------------------
# The samples. Each entry: profile id, activity id, and the dossier sections.

CLOSING_STUDENT = (
    "I have discussed this plan with my supervisor and with the education office, and I have "
    "checked that the courses fit the recognition rules of my programme. I am prepared to take "
    "care of the practical arrangements in time, from insurance to housing, and I will share what "
    "I learn with my fellow students when I return."
)
CLOSING_STAFF = (
    "The head of my department supports this mobility, and my teaching and project duties at home "
    "are covered for the period. After my return I will report on the stay to my department and "
    "follow up the agreements made with the host, so that the exchange has a lasting effect beyond "
    "the visit itself."
)

PREPARATION_STUDENT = (
    "Before leaving I will complete the preparation offered by the education office, agree the "
    "practical details of the stay with the host's international office, and make sure that my "
    "insurance and any required vaccinations are in order. During the stay I will keep in regular "
    "contact with my supervisor at my home institution, so that any problem with the programme or "
    "its recognition can be solved quickly."
)
PREPARATION_STAFF = (
    "The dates have been agreed with the host so that they fit its academic calendar, and the "
    "programme of the visit has been set out in writing. I will prepare the sessions with my "
    "colleagues there in advance, share the materials through the host's learning platform, and "
    "collect feedback from the participants at the end of the stay."
)

SAMPLES = []


def sample(profile, activity, language, applicant, mobility, letter, plan, learning_agreement=None,
           created='2026-02-03T09:12:00Z', modified='2026-02-20T16:45:30Z'):
    SAMPLES.append({
        'profile': profile, 'activity': activity, 'language': language, 'applicant': applicant,
        'mobility': mobility, 'letter': letter, 'plan': plan, 'learning_agreement': learning_agreement,
        'created': created, 'modified': modified,
    })


# ---- erasmus-ka131-2024 ----------------------------------------------------------------------

sample('erasmus-ka131-2024', 'sms', 'nl',
       {'role': 'student', 'given_name': 'Lotte', 'family_name': 'Peeters', 'date_of_birth': '1998-03-12',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'lotte.peeters@example.org', 'phone': '+32 470 12 34 56',
        'home_institution': ITM, 'degree_programme': 'Master of Science in Tropical Medicine',
        'study_cycle': 7, 'field_of_education': '0912', 'year_of_study': 1,
        'fewer_opportunities': False, 'scholarship': True, 'previous_mobility_months': 0},
       {'activity': 'sms', 'direction': 'outgoing', 'destination_country': 'DE',
        'receiving_organisation': {'name': 'Universität Heidelberg, Heidelberg Institute of Global Health',
                                   'erasmus_code': 'D  HEIDELB01', 'address': 'Im Neuenheimer Feld 130.3, 69120 Heidelberg, Germany',
                                   'contact_name': 'Dr. Anna Keller', 'contact_email': 'incoming@example.de', 'type': 'hei'},
        'start_date': '2026-05-04', 'end_date': '2026-07-24', 'travel_mode': 'green', 'distance_km': 370},
       "During my first months in the master's programme I became particularly interested in how "
       "climate and land use change the distribution of vector-borne diseases. The Heidelberg Institute "
       "of Global Health offers a summer term of modules on climate change and health, and on the "
       "epidemiology of arboviral infections, that our own programme does not cover in the same depth. "
       "Following these modules would allow me to combine the clinical and laboratory training I "
       "receive in Antwerp with a population perspective and with modelling methods that I will need "
       "for my thesis on dengue surveillance.\n"
       "Heidelberg also has a strong tradition of research in partnership with institutions in Africa "
       "and Asia, and several of its lecturers work on the same surveillance questions as my supervisor. "
       "Studying there would let me meet researchers whose methods I now only know from papers, and "
       "discuss my own thesis design with them.\n"
       "Travelling by train and living in a German-speaking environment are part of the experience I "
       "look forward to. I have a working knowledge of German and the modules are taught in English.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Deepen my knowledge of climate-sensitive infectious diseases and acquire modelling "
                      "skills for surveillance data, as preparation for my master's thesis on dengue surveillance. I also want to build contacts "
                      "with researchers who could advise me on the analysis of my thesis data.",
        'activities': "Follow three summer-term modules: climate change and health, epidemiology of arboviral "
                      "infections, and a practical course in statistical modelling of surveillance data; take part "
                      "in the weekly research seminar of the institute, and meet my prospective thesis advisor "
                      "at the institute every two weeks to discuss the design of my surveillance analysis.",
        'learning_outcomes': "At the end of the stay I can explain how climate affects vector-borne disease "
                             "transmission, fit and interpret a basic time-series model of surveillance data, and "
                             "critically appraise published early-warning systems."},
       {'language': {'code': 'en', 'cefr': 'C1'},
        'table_a': rows('2026 summer term', ('GH-CCH', 'Climate Change and Health', 6),
                        ('GH-ARB', 'Epidemiology of Arboviral Infections', 6),
                        ('GH-MOD', 'Modelling Surveillance Data (practical)', 3)),
        'table_b': rows('2025/2026 semester 2', ('MTM-ELEC1', 'Elective: Global Health and Climate', 9),
                        ('MTM-ELEC2', 'Elective: Epidemiological Methods', 6)),
        'table_c': []})

sample('erasmus-ka131-2024', 'smt', 'en',
       {'role': 'student', 'given_name': 'Amina', 'family_name': 'Mwangi', 'date_of_birth': '1994-11-02',
        'nationality': 'KE', 'citizenships': ['KE'], 'email': 'amina.mwangi@example.org', 'phone': '+32 465 22 81 09',
        'home_institution': ITM, 'degree_programme': 'Master of Science in Tropical Biomedical Sciences',
        'study_cycle': 7, 'field_of_education': '0914', 'year_of_study': 1,
        'fewer_opportunities': True, 'scholarship': True, 'previous_mobility_months': 0},
       {'activity': 'smt', 'direction': 'outgoing', 'destination_country': 'DE',
        'receiving_organisation': {'name': 'Bernhard Nocht Institute for Tropical Medicine',
                                   'address': 'Bernhard-Nocht-Straße 74, 20359 Hamburg, Germany',
                                   'contact_name': 'Dr. Jens Hartmann', 'contact_email': 'trainees@example.de', 'type': 'research'},
        'start_date': '2026-05-04', 'end_date': '2026-07-31', 'travel_mode': 'green', 'distance_km': 470},
       "Before joining the master's programme I worked for four years as a laboratory technologist at a "
       "district hospital in western Kenya, where malaria and arboviral infections were a daily concern "
       "but molecular diagnostics were rarely available. I came to Antwerp to learn how such methods can "
       "be adapted to settings like the one I come from.\n"
       "The Bernhard Nocht Institute runs a reference laboratory for tropical infections and develops "
       "rapid molecular assays for field use. A traineeship in its virology diagnostics group would give "
       "me three months of hands-on work with real-time PCR, sequencing and quality control under the "
       "supervision of experienced scientists, and the chance to contribute to the validation of a "
       "point-of-care assay for dengue and chikungunya, which is the topic of my thesis.\n"
       "As a student who finances her studies with limited means, I would not be able to do this "
       "traineeship without the Erasmus+ grant, and the laboratory experience it offers is exactly what "
       "I need to bring these methods back to my home institution.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Gain hands-on experience with molecular diagnostics for arboviral infections and "
                      "contribute to the validation of a point-of-care assay for my thesis. Learn how a "
                      "reference laboratory organises its quality management, so that I can apply the same "
                      "principles in the laboratory where I will work after my studies.",
        'activities': "Three months in the virology diagnostics group: sample preparation, real-time PCR, "
                      "sequencing, internal quality control and data analysis for the assay validation study, "
                      "with a presentation of the results at the group meeting at the end of the traineeship.",
        'learning_outcomes': "I can run and troubleshoot real-time PCR assays independently, apply quality "
                             "control procedures of a reference laboratory, and analyse diagnostic accuracy data. "
                             "I can also explain how the laboratory's quality system could be adapted to a district hospital laboratory.",
        'traineeship': {'programme': "Weeks 1-2: biosafety training and introduction to the laboratory; weeks 3-6: "
                                     "supervised PCR and sequencing work; weeks 7-12: assay validation on stored "
                                     "samples and analysis; week 13: report and presentation to the group.",
                        'hours_per_week': 38, 'monitoring': "Weekly meeting with the mentor; mid-term review with the ITM supervisor.",
                        'evaluation': "Traineeship certificate, written report and presentation, assessed by the mentor and the ITM supervisor.",
                        'mentor': 'Dr. Jens Hartmann'}},
       {'language': {'code': 'en', 'cefr': 'C1'}, 'table_a': [], 'table_b': [], 'table_c': []})

sample('erasmus-ka131-2024', 'sms_blended', 'en',
       {'role': 'student', 'given_name': 'Tomás', 'family_name': 'García López', 'date_of_birth': '1996-07-21',
        'nationality': 'ES', 'citizenships': ['ES'], 'email': 'tomas.garcia@example.org', 'phone': '+32 489 55 10 72',
        'home_institution': ITM, 'degree_programme': 'Master of Science in Public Health',
        'study_cycle': 7, 'field_of_education': '0912', 'year_of_study': 1,
        'fewer_opportunities': False, 'scholarship': True},
       {'activity': 'sms_blended', 'direction': 'outgoing', 'destination_country': 'IT',
        'receiving_organisation': {'name': 'Alma Mater Studiorum - Università di Bologna', 'erasmus_code': 'I  BOLOGNA01',
                                   'address': 'Via Zamboni 33, 40126 Bologna, Italy', 'contact_name': 'Dr. Giulia Rossi',
                                   'contact_email': 'bip@example.it', 'type': 'hei'},
        'start_date': '2026-05-11', 'end_date': '2026-05-29', 'travel_mode': 'green', 'distance_km': 930},
       "The blended intensive programme on migration and health organised by the University of Bologna "
       "with partners of the tropEd network matches the focus of my public health master's programme. "
       "It brings together students from several European countries for an online preparation phase and "
       "an intensive period in Bologna with field visits to reception centres and community health services.\n"
       "I previously worked for a non-governmental organisation that provided primary care to migrants in "
       "southern Spain, and I want to understand better how health systems in different European "
       "countries organise access to care for people on the move. The programme's mix of lectures, "
       "group work and field visits would let me compare approaches with students from other countries "
       "and prepare a policy brief that I can use in my thesis.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Compare how European health systems organise access to care for migrants and write a "
                      "policy brief with an international student team.",
        'activities': "Online preparatory seminars, then two and a half weeks in Bologna with lectures, field "
                      "visits to reception centres and group work on a policy brief.",
        'learning_outcomes': "I can analyse barriers to health care for migrants and propose evidence-based policy options. "
                             "I can also work in an international team with students from other disciplines and countries, and present a policy brief to an audience of practitioners."},
       {'language': {'code': 'en', 'cefr': 'C1'},
        'table_a': rows('2025/2026 spring', ('BIP-MH', 'Blended Intensive Programme: Migration and Health', 3)),
        'table_b': rows('2025/2026 semester 2', ('MPH-ELEC3', 'Elective: Migration and Health', 3)),
        'table_c': rows('2025/2026 spring', ('BIP-MH-V', 'Virtual component: online preparatory seminars and group work', 3))})

sample('erasmus-ka131-2024', 'doctoral_short', 'en',
       {'role': 'doctoral', 'given_name': 'Ngozi', 'family_name': 'Okafor', 'date_of_birth': '1990-01-18',
        'nationality': 'NG', 'citizenships': ['NG'], 'email': 'ngozi.okafor@example.org', 'phone': '+32 468 30 44 18',
        'home_institution': ITM, 'degree_programme': 'Doctoral programme in Biomedical Sciences (ITM-registered PhD)',
        'study_cycle': 8, 'field_of_education': '0914', 'year_of_study': 2,
        'fewer_opportunities': False, 'scholarship': True},
       {'activity': 'doctoral_short', 'direction': 'outgoing', 'destination_country': 'SE',
        'receiving_organisation': {'name': 'Karolinska Institutet', 'erasmus_code': 'S  STOCKHO03',
                                   'address': 'Nobels väg 6, 171 77 Solna, Sweden', 'contact_name': 'Prof. Erik Lindqvist',
                                   'contact_email': 'phd.exchange@example.se', 'type': 'hei'},
        'start_date': '2026-06-01', 'end_date': '2026-06-19', 'travel_mode': 'standard', 'distance_km': 1290},
       "My doctoral research studies antimicrobial resistance in bloodstream infections in children in "
       "Nigeria, using whole-genome sequencing of isolates collected in three hospitals. The "
       "bioinformatics group at Karolinska Institutet has developed the pipeline for resistance gene "
       "detection that I intend to use, and has offered to host me for three weeks.\n"
       "During the stay I will process my first batch of genomes with the group, learn to adapt the "
       "pipeline to our data, and discuss the analysis plan for my second paper with specialists in "
       "genomic epidemiology. This short visit will save months of trial and error and strengthen the "
       "collaboration between the two institutes.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Learn to run and adapt the resistance gene detection pipeline to my own sequencing data "
                      "and agree the analysis plan for my second paper.",
        'activities': "Three weeks in the bioinformatics group: pipeline training, analysis of my first batch of "
                      "genomes, and meetings with genomic epidemiologists.",
        'learning_outcomes': "I can independently analyse bacterial genomes for resistance determinants and "
                             "interpret the results in an epidemiological context. "
                             "I will also have processed my first batch of genomes, agreed the analysis plan for my second paper, and strengthened the collaboration between our two institutes."},
       {'table_a': [], 'table_b': [], 'table_c': []})

sample('erasmus-ka131-2024', 'stt', 'nl',
       {'role': 'staff', 'given_name': 'Pieter', 'family_name': 'Claes', 'date_of_birth': '1987-09-30',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'pieter.claes@example.org', 'phone': '+32 3 247 66 01',
        'home_institution': ITM, 'position': 'Postdoctoral researcher', 'department': 'Department of Biomedical Sciences',
        'fewer_opportunities': False},
       {'activity': 'stt', 'direction': 'outgoing', 'destination_country': 'FR',
        'receiving_organisation': {'name': 'Institut Pasteur', 'address': '25-28 rue du Docteur Roux, 75015 Paris, France',
                                   'contact_name': 'Dr. Claire Morel', 'contact_email': 'training@example.fr', 'type': 'research'},
        'start_date': '2026-06-08', 'end_date': '2026-06-19', 'travel_mode': 'green', 'distance_km': 300},
       "As a postdoctoral researcher in the medical entomology unit, I coordinate the insectary and the "
       "vector competence experiments of our group. The Institut Pasteur has offered a two-week training "
       "on the rearing of Aedes mosquitoes under standardised conditions and on the design of vector "
       "competence studies in a biosafety level 3 insectary, a facility that our institute is preparing "
       "to open next year.\n"
       "The training combines practical sessions with job shadowing of the insectary staff and will "
       "allow me to bring back operating procedures that our team can adapt directly.\n"
       + CLOSING_STAFF + "\n" + PREPARATION_STAFF,
       {'objectives': "Acquire the procedures for rearing Aedes mosquitoes and running vector competence studies "
                      "in a high-containment insectary, to prepare the opening of our own facility.",
        'activities': "Two weeks of practical sessions in the insectary, job shadowing of the technical staff, and "
                      "meetings on biosafety management and experimental design.",
        'learning_outcomes': "I can set up standard operating procedures for a high-containment insectary and design "
                             "vector competence experiments that meet biosafety requirements. "
                             "Back in Antwerp, I will write the draft operating procedures for our new insectary, train two technicians of our unit in the rearing methods, and present a biosafety plan to the institute's biosafety committee before the facility opens next year. "
                             "I will also share the training materials with the partner institutes of our vector network."})

# ---- erasmus-ka131-sta-2024 ------------------------------------------------------------------

sample('erasmus-ka131-sta-2024', 'sta', 'nl',
       {'role': 'staff', 'given_name': 'Marleen', 'family_name': 'Janssens', 'date_of_birth': '1975-04-08',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'marleen.janssens@example.org', 'phone': '+32 3 247 65 40',
        'home_institution': ITM, 'position': 'Senior lecturer', 'department': 'Department of Public Health',
        'fewer_opportunities': False},
       {'activity': 'sta', 'direction': 'outgoing', 'destination_country': 'PT',
        'receiving_organisation': {'name': 'Universidade NOVA de Lisboa, Instituto de Higiene e Medicina Tropical',
                                   'erasmus_code': 'P  LISBOA03', 'address': 'Rua da Junqueira 100, 1349-008 Lisboa, Portugal',
                                   'contact_name': 'Prof. Ana Martins', 'contact_email': 'erasmus.staff@example.pt', 'type': 'hei'},
        'start_date': '2026-05-18', 'end_date': '2026-05-22', 'travel_mode': 'standard', 'distance_km': 1740,
        'teaching_hours': 10},
       "Our two institutes are partners in the tropEd network and share students in the master's "
       "programmes in international health. The Instituto de Higiene e Medicina Tropical has invited me "
       "to teach the module on health systems financing in its master's programme in May, a subject I "
       "have taught in Antwerp for ten years.\n"
       "Teaching in Lisbon lets me test teaching materials on universal health coverage with a group of "
       "students from Portuguese-speaking African countries, whose experience differs from that of our "
       "own students, and to prepare with my colleagues a joint elective that both institutes could offer.\n"
       + CLOSING_STAFF + "\n" + PREPARATION_STAFF,
       {'objectives': "Teach the module on health systems financing and prepare a joint elective with the host institute.",
        'activities': "Ten hours of lectures and case-based seminars over one week, a guest seminar for doctoral "
                      "students, and two working sessions with the host faculty on the joint elective.",
        'learning_outcomes': "Host students can compare financing mechanisms for universal health coverage and assess "
                             "their equity; both institutes agree on a draft syllabus for the joint elective. "
                             "The teaching materials are tested with a new group of students and revised on the basis of their feedback, and the host faculty and I plan a second joint teaching session for the next academic year. Doctoral students at the host discuss their research on health financing with an external lecturer."})

sample('erasmus-ka131-sta-2024', 'sta_third_country', 'fr',
       {'role': 'staff', 'given_name': 'Koen', 'family_name': 'Verhoeven', 'date_of_birth': '1979-12-14',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'koen.verhoeven@example.org', 'phone': '+32 3 247 65 77',
        'home_institution': ITM, 'position': 'Professor', 'department': 'Department of Clinical Sciences',
        'fewer_opportunities': False},
       {'activity': 'sta_third_country', 'direction': 'outgoing', 'destination_country': 'SN',
        'receiving_organisation': {'name': 'Université Cheikh Anta Diop de Dakar, Faculté de Médecine',
                                   'address': 'Avenue Cheikh Anta Diop, BP 5005 Dakar-Fann, Senegal',
                                   'contact_name': 'Prof. Aminata Sow', 'contact_email': 'cooperation@example.sn', 'type': 'hei'},
        'start_date': '2026-06-08', 'end_date': '2026-06-19', 'travel_mode': 'standard', 'distance_km': 4330,
        'teaching_hours': 18},
       "The Faculty of Medicine of Université Cheikh Anta Diop and our institute have cooperated for many "
       "years on the training of clinicians in infectious diseases, under an inter-institutional agreement "
       "signed in 2024. The faculty has asked me to teach the clinical part of its specialisation course "
       "on HIV and tuberculosis care during two weeks in June.\n"
       "I will teach case-based sessions on the management of advanced HIV disease and drug-resistant "
       "tuberculosis, supervise bedside teaching with the residents, and work with the local team on an "
       "assessment format that both institutions can use in the future.\n"
       + CLOSING_STAFF + "\n" + PREPARATION_STAFF,
       {'objectives': "Teach the clinical part of the specialisation course on HIV and tuberculosis care and develop "
                      "a shared assessment format with the host faculty.",
        'activities': "Eighteen hours of case-based teaching over two weeks, bedside teaching with residents, and "
                      "working sessions with the local teaching team.",
        'learning_outcomes': "Residents can manage advanced HIV disease and drug-resistant tuberculosis according to current "
                             "guidelines; the two teams agree on a common structured clinical assessment. "
                             "The local teaching team can use the case-based materials independently in the next edition of the course, and the two institutions agree on a plan for joint supervision of residents' research projects in the coming two years. "
                             "The residents' feedback on the sessions is collected and shared with both teams. "
                             "I will also have visited the clinical services of the faculty and discussed with the dean the priorities for our cooperation in the next years."})

# ---- erasmus-ka171-2024 ----------------------------------------------------------------------

sample('erasmus-ka171-2024', 'sms', 'nl',
       {'role': 'student', 'given_name': 'Hanne', 'family_name': 'De Smet', 'date_of_birth': '1997-06-25',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'hanne.desmet@example.org', 'phone': '+32 471 90 12 33',
        'home_institution': ITM, 'degree_programme': 'Master of Science in Tropical Medicine',
        'study_cycle': 7, 'field_of_education': '0912', 'year_of_study': 1,
        'fewer_opportunities': False, 'scholarship': True, 'previous_mobility_months': 0},
       {'activity': 'sms', 'direction': 'outgoing', 'destination_country': 'UG',
        'receiving_organisation': {'name': 'Makerere University, School of Public Health',
                                   'address': 'New Mulago Hill Road, PO Box 7072, Kampala, Uganda',
                                   'contact_name': 'Dr. Grace Namukasa', 'contact_email': 'international@example.ug', 'type': 'hei'},
        'start_date': '2026-09-07', 'end_date': '2026-12-18', 'travel_mode': 'standard', 'distance_km': 6600},
       "I am a medical doctor and chose the master's programme in tropical medicine because I want to work "
       "in maternal and child health in East Africa. Makerere University's School of Public Health is "
       "our partner in the regional partnership of this project, and its first-semester courses on "
       "maternal and newborn health, health systems research and field epidemiology would complement our "
       "programme with the perspective of a country where these problems are part of everyday practice.\n"
       "Studying in Kampala for a semester would also allow me to prepare the field work for my thesis on "
       "the quality of emergency obstetric care in district hospitals, together with a co-supervisor at "
       "Makerere, and to understand the organisation of the Ugandan health system from the inside.\n"
       "I have travelled in the region before and I am aware of the practical and cultural preparation "
       "that such a stay requires.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Learn maternal and newborn health programming and health systems research in the Ugandan "
                      "context and prepare the field work for my thesis with a co-supervisor at Makerere.",
        'activities': "Follow three first-semester courses, take part in the school's field attachment in a district "
                      "hospital, and hold regular meetings with my co-supervisor on the thesis protocol.",
        'learning_outcomes': "I can assess the quality of emergency obstetric care with standard indicators, design a "
                             "mixed-methods health systems study, and work with district health teams. "
                             "I also understand the organisation of maternal health services in Uganda well enough to prepare realistic field work for my thesis, and I have a signed agreement with my co-supervisor on the protocol and the timeline. "
                             "I will also have improved my understanding of the Ugandan health system and of the daily work of district health teams."},
       {'language': {'code': 'en', 'cefr': 'C1'},
        'table_a': rows('2026/2027 semester 1', ('MPH 7110', 'Maternal and Newborn Health', 6),
                        ('MPH 7120', 'Health Systems Research Methods', 6),
                        ('MPH 7130', 'Field Epidemiology Attachment', 6)),
        'table_b': rows('2026/2027 semester 1', ('MTM-MCH', 'Maternal and Child Health', 9),
                        ('MTM-RM', 'Research Methods', 9)),
        'table_c': []})

sample('erasmus-ka171-2024', 'smt', 'nl',
       {'role': 'student', 'given_name': 'Jonas', 'family_name': 'Wouters', 'date_of_birth': '1996-02-09',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'jonas.wouters@example.org', 'phone': '+32 476 41 08 55',
        'home_institution': ITM, 'degree_programme': 'Master of Science in Tropical Biomedical Sciences',
        'study_cycle': 7, 'field_of_education': '0914', 'year_of_study': 1,
        'fewer_opportunities': False, 'scholarship': True},
       {'activity': 'smt', 'direction': 'outgoing', 'destination_country': 'CD',
        'receiving_organisation': {'name': 'Institut National de Recherche Biomédicale (INRB)',
                                   'address': 'Avenue de la Démocratie 5345, Kinshasa-Gombe, DR Congo',
                                   'contact_name': 'Dr. Patrick Mbala', 'contact_email': 'stages@example.cd', 'type': 'research'},
        'start_date': '2026-06-01', 'end_date': '2026-08-31', 'travel_mode': 'standard', 'distance_km': 6250},
       "My master's thesis evaluates a molecular test for the diagnosis of sleeping sickness on samples "
       "collected in the Democratic Republic of the Congo. The Institut National de Recherche Biomédicale "
       "in Kinshasa is the national reference laboratory for this disease and a long-standing partner of "
       "our department. A three-month traineeship there would let me carry out the laboratory work of my "
       "thesis where the samples are kept, under the supervision of the team that collected them.\n"
       "Besides the laboratory skills, I hope to learn how a national reference laboratory organises "
       "quality assurance and supports the screening programme in the provinces, which I can only learn "
       "on site. I speak French fluently, which is the working language of the institute.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Carry out the laboratory work of my thesis on a molecular test for sleeping sickness and learn "
                      "how a national reference laboratory organises quality assurance.",
        'activities': "Testing of stored samples with the new assay and the reference method, participation in the "
                      "external quality assessment rounds, and a field visit to a screening team.",
        'learning_outcomes': "I can perform and validate molecular tests for trypanosomiasis and describe the quality "
                             "assurance system of a reference laboratory. "
                             "I can also explain how the screening programme in the provinces is supported by the laboratory, and I have produced the results chapter of my thesis with both supervisors. "
                             "I can work safely in a laboratory that handles dangerous pathogens and communicate about my work in French with the laboratory staff. "
                             "I will have presented my work to the team.",
        'traineeship': {'programme': "Month 1: introduction, biosafety and training on the reference methods; month 2: "
                                     "testing of stored samples; month 3: analysis, field visit and report.",
                        'hours_per_week': 40, 'monitoring': "Weekly meeting with the mentor and monthly call with the ITM supervisor.",
                        'evaluation': "Traineeship certificate and thesis chapter assessed by both supervisors.",
                        'mentor': 'Dr. Patrick Mbala'}},
       {'language': {'code': 'fr', 'cefr': 'C1'}, 'table_a': [], 'table_b': [], 'table_c': []})

sample('erasmus-ka171-2024', 'doctoral_short', 'nl',
       {'role': 'doctoral', 'given_name': 'Sofie', 'family_name': 'Maes', 'date_of_birth': '1992-10-03',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'sofie.maes@example.org', 'phone': '+32 472 18 60 29',
        'home_institution': ITM, 'degree_programme': 'Doctoral programme in Medical Sciences (ITM-registered PhD)',
        'study_cycle': 8, 'field_of_education': '0912', 'year_of_study': 3,
        'fewer_opportunities': False, 'scholarship': True},
       {'activity': 'doctoral_short', 'direction': 'outgoing', 'destination_country': 'PE',
        'receiving_organisation': {'name': 'Universidad Peruana Cayetano Heredia, Instituto de Medicina Tropical Alexander von Humboldt',
                                   'address': 'Av. Honorio Delgado 430, San Martín de Porres, Lima, Peru',
                                   'contact_name': 'Dr. Carlos Mendoza', 'contact_email': 'intercambio@example.pe', 'type': 'hei'},
        'start_date': '2026-06-08', 'end_date': '2026-06-26', 'travel_mode': 'standard', 'distance_km': 10300},
       "My doctoral project studies treatment outcomes of cutaneous leishmaniasis in Peru and Bolivia. The "
       "Instituto de Medicina Tropical Alexander von Humboldt leads the Peruvian cohort and hosts the "
       "database I am analysing. A three-week visit would let me check the data with the clinical team, "
       "agree on the definitions of treatment failure, and present my first results to the co-authors.\n"
       "Working side by side with the clinicians who follow the patients will improve the quality of the "
       "analysis far more than remote meetings, and it prepares the next phase of the collaboration.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Validate the cohort data with the clinical team and agree on outcome definitions for my second paper.",
        'activities': "Data checking sessions, clinic visits with the leishmaniasis team, and a results seminar with the co-authors.",
        'learning_outcomes': "I can apply standardised outcome definitions to cohort data and lead a multi-site analysis. "
                             "The data set is cleaned and agreed by all partners, and the plan for the second paper is approved by the co-authors. "
                             "I will also have seen how the cohort patients are followed in the clinic, which helps me to interpret the data correctly."},
       {'table_a': [], 'table_b': [], 'table_c': []})

sample('erasmus-ka171-2024', 'sta', 'nl',
       {'role': 'staff', 'given_name': 'Bart', 'family_name': 'Jacobs', 'date_of_birth': '1971-08-19',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'bart.jacobs@example.org', 'phone': '+32 3 247 65 12',
        'home_institution': ITM, 'position': 'Professor', 'department': 'Department of Public Health',
        'fewer_opportunities': False},
       {'activity': 'sta', 'direction': 'outgoing', 'destination_country': 'RW',
        'receiving_organisation': {'name': 'University of Rwanda, School of Public Health',
                                   'address': 'KG 11 Ave, Gasabo, Kigali, Rwanda',
                                   'contact_name': 'Dr. Jean-Paul Uwimana', 'contact_email': 'sph.partnerships@example.rw', 'type': 'hei'},
        'start_date': '2026-10-05', 'end_date': '2026-10-16', 'travel_mode': 'standard', 'distance_km': 6300,
        'teaching_hours': 18},
       "The School of Public Health of the University of Rwanda and our department run a joint course on "
       "health policy analysis, taught alternately in Kigali and Antwerp. This year it is Kigali's turn, "
       "and I have been invited to teach the modules on policy evaluation and on the use of routine data "
       "for decision-making.\n"
       "Teaching in Kigali allows me to work with the Rwandan faculty on cases drawn from their "
       "community-based health insurance reforms, which will also enrich the course in Antwerp, and to "
       "supervise the master's students who will do their thesis work within our joint research projects.\n"
       + CLOSING_STAFF + "\n" + PREPARATION_STAFF,
       {'objectives': "Teach the modules on policy evaluation and routine data use in the joint course and develop new cases with the host faculty.",
        'activities': "Eighteen hours of teaching over two weeks, thesis supervision meetings with master's students, "
                      "and a workshop with the faculty on new teaching cases.",
        'learning_outcomes': "Students can design a policy evaluation using routine health information; the faculties "
                             "share two new teaching cases for both editions of the course. "
                             "Master's students who start their thesis within our joint projects have an agreed research question and a supervision plan, and the two faculties evaluate the course together at the end of the teaching period. "
                             "The new cases are added to the course materials in Antwerp for the next academic year. "
                             "I will also have met the Rwandan partners of our research projects."})

sample('erasmus-ka171-2024', 'stt', 'nl',
       {'role': 'staff', 'given_name': 'Els', 'family_name': 'Vermeulen', 'date_of_birth': '1984-05-27',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'els.vermeulen@example.org', 'phone': '+32 3 247 66 35',
        'home_institution': ITM, 'position': 'Data manager', 'department': 'Department of Clinical Sciences',
        'fewer_opportunities': False},
       {'activity': 'stt', 'direction': 'outgoing', 'destination_country': 'BD',
        'receiving_organisation': {'name': 'icddr,b', 'address': '68 Shaheed Tajuddin Ahmed Sarani, Mohakhali, Dhaka 1212, Bangladesh',
                                   'contact_name': 'Dr. Farhana Rahman', 'contact_email': 'training@example.bd', 'type': 'research'},
        'start_date': '2026-11-02', 'end_date': '2026-11-13', 'travel_mode': 'standard', 'distance_km': 7700},
       "I manage the clinical trial data of our department's studies on visceral leishmaniasis in South "
       "Asia, several of which are run with icddr,b. The data management unit of icddr,b has developed "
       "an electronic data capture and monitoring system that is now used across its trial sites, and has "
       "offered me two weeks of job shadowing and training.\n"
       "Learning how the unit organises remote monitoring, data cleaning and regulatory reporting will "
       "help us to align our procedures for the next multi-centre trial and to reduce duplicated work "
       "between the two data teams.\n"
       + CLOSING_STAFF + "\n" + PREPARATION_STAFF,
       {'objectives': "Learn the data capture and monitoring procedures of the icddr,b data management unit and align our trial procedures.",
        'activities': "Two weeks of job shadowing in the data management unit, training on the electronic data capture "
                      "system, and working sessions on shared standard operating procedures.",
        'learning_outcomes': "I can configure remote monitoring in the shared system and have drafted joint standard "
                             "operating procedures for the next multi-centre trial. "
                             "Our two data teams have agreed on shared data standards and a division of tasks for monitoring, so that duplicated work is avoided, and I can train my colleagues in Antwerp in the new procedures. "
                             "The collaboration between the two data teams becomes a regular exchange, with a joint review of the procedures every year. "
                             "I will report on the stay to the trial steering committee."})

sample('erasmus-ka171-2024', 'sms_incoming', 'fr',
       {'role': 'student', 'given_name': 'Mamadou', 'family_name': 'Diallo', 'date_of_birth': '1995-03-30',
        'nationality': 'SN', 'citizenships': ['SN'], 'email': 'mamadou.diallo@example.org', 'phone': '+221 77 123 45 67',
        'home_institution': {'name': 'Université Cheikh Anta Diop de Dakar', 'country': 'SN'},
        'degree_programme': 'Master en santé publique', 'study_cycle': 7, 'field_of_education': '0912',
        'year_of_study': 2, 'fewer_opportunities': False, 'scholarship': True, 'previous_mobility_months': 0},
       {'activity': 'sms_incoming', 'direction': 'incoming', 'destination_country': 'BE',
        'receiving_organisation': ITM_HOST,
        'start_date': '2026-09-14', 'end_date': '2027-01-29', 'travel_mode': 'standard', 'distance_km': 4330},
       "I am a second-year master's student in public health at Université Cheikh Anta Diop and I work "
       "part-time for the regional health directorate of Thiès on the surveillance of malaria and "
       "neglected tropical diseases. The courses of the Institute of Tropical Medicine on disease control "
       "programmes, epidemiological methods and health information systems are known throughout West "
       "Africa, and several of my lecturers studied in Antwerp.\n"
       "A semester at the institute would give me the methods I need for my master's thesis on the "
       "integration of neglected tropical disease data into the national health information system, "
       "and the opportunity to work with researchers who support the Senegalese programmes. I would "
       "bring back skills that our regional team needs, and the partnership between our two "
       "institutions would gain a new link.\n"
       "I have followed courses in English and I hold a B2 certificate, which I attach to this application.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Acquire methods for the design and evaluation of disease control programmes and for the use of "
                      "health information systems, for my master's thesis.",
        'activities': "Follow four modules of the first semester at the institute, take part in the research seminar of "
                      "the Department of Public Health, and prepare my thesis protocol with an ITM co-supervisor.",
        'learning_outcomes': "I can design the evaluation of a disease control programme, analyse routine surveillance data, "
                             "and propose improvements to a district health information system. "
                             "I also have a thesis protocol approved by my supervisors in Dakar and Antwerp, and contacts with researchers who support the neglected tropical disease programme in Senegal. "
                             "I can share these methods with my colleagues of the regional health directorate when I return to Thiès."},
       {'language': {'code': 'en', 'cefr': 'B2'},
        'table_a': rows('2026/2027 semester 1', ('MPH-DCP', 'Disease Control Programmes', 9),
                        ('MPH-EPI', 'Epidemiological Methods', 6), ('MPH-HIS', 'Health Information Systems', 6),
                        ('MPH-SEM', 'Research Seminar', 3)),
        'table_b': rows('2026/2027 semestre 1', ('SP-M2-07', 'Programmes de lutte contre les maladies', 12),
                        ('SP-M2-08', 'Systèmes d\'information sanitaire', 12)),
        'table_c': []})

sample('erasmus-ka171-2024', 'staff_incoming', 'en',
       {'role': 'staff', 'given_name': 'Rosa', 'family_name': 'Quispe Mamani', 'date_of_birth': '1980-07-11',
        'nationality': 'PE', 'citizenships': ['PE'], 'email': 'rosa.quispe@example.org', 'phone': '+51 1 319 0000',
        'home_institution': {'name': 'Universidad Peruana Cayetano Heredia', 'country': 'PE'},
        'position': 'Associate professor', 'department': 'Facultad de Salud Pública y Administración',
        'fewer_opportunities': False},
       {'activity': 'staff_incoming', 'direction': 'incoming', 'destination_country': 'BE',
        'receiving_organisation': ITM_HOST,
        'start_date': '2026-10-12', 'end_date': '2026-10-23', 'travel_mode': 'standard', 'distance_km': 10300},
       "I teach epidemiology and coordinate the master's programme in public health at Universidad Peruana "
       "Cayetano Heredia. Our faculty and the Institute of Tropical Medicine are partners in this project, "
       "and we are preparing a joint short course on the control of vector-borne diseases in Latin America.\n"
       "During two weeks in Antwerp I will teach two sessions on dengue control in Peru in the master's "
       "programme, and work with colleagues of the Department of Public Health on the curriculum and the "
       "e-learning part of the joint course. I will also meet the education office to discuss the "
       "recognition of credits for our students who come to Antwerp.\n"
       + CLOSING_STAFF + "\n" + PREPARATION_STAFF,
       {'objectives': "Contribute to teaching at the institute and design the joint short course on vector-borne disease control.",
        'activities': "Two guest sessions of two hours in the master's programme on dengue control in Peru, "
                      "three curriculum workshops with the Department of Public Health to define the modules, "
                      "assessment and e-learning activities of the joint course, a meeting with the education "
                      "office on credit recognition, and a visit to the institute's travel clinic and reference laboratory.",
        'learning_outcomes': "A joint curriculum and e-learning plan for the short course, and agreed recognition "
                             "arrangements for exchange students of both institutions. "
                             "Master's students in Antwerp learn about the control of dengue in Peru from a teacher who works there. "
                             "I will bring back teaching ideas and contacts for my colleagues in Lima, and we will plan the first edition of the joint course for the next academic year."})

# ---- erasmus-ka122-vet-pupils-2024 -------------------------------------------------------------

sample('erasmus-ka122-vet-pupils-2024', 'pupil_mobility', 'nl',
       {'role': 'pupil', 'given_name': 'Yasmine', 'family_name': 'El Amrani', 'date_of_birth': '2009-04-02',
        'nationality': 'BE', 'citizenships': ['BE', 'MA'], 'email': 'yasmine.elamrani@example.org', 'phone': '+32 494 77 21 08',
        'home_institution': {'name': 'Technisch Instituut Scheldeland', 'country': 'BE'},
        'degree_programme': 'Restaurant en keuken (derde graad beroepssecundair onderwijs)', 'study_cycle': 3,
        'field_of_education': '1013', 'year_of_study': 6, 'fewer_opportunities': True},
       {'activity': 'pupil_mobility', 'direction': 'outgoing', 'destination_country': 'ES', 'group': True,
        'receiving_organisation': {'name': 'Hotel Mar Azul Valencia', 'address': 'Carrer de la Reina 20, 46011 València, Spain',
                                   'contact_name': 'Lucía Ferrer', 'contact_email': 'rrhh@example.es', 'type': 'enterprise'},
        'start_date': '2026-05-04', 'end_date': '2026-05-22', 'travel_mode': 'standard', 'distance_km': 1390},
       "I would like to do my work placement in a hotel kitchen in Valencia together with three classmates. "
       "I want to learn how a professional kitchen works in another country, cook Mediterranean dishes with "
       "local products and improve my Spanish and English. Later I want to work in a hotel, maybe abroad, and "
       "this placement would help me to become more independent and confident in a new team. My teachers "
       "say that I work carefully and calmly, also when it is busy.",
       {'objectives': "Learn to work in a professional hotel kitchen abroad, prepare Mediterranean dishes with "
                      "local products, and become more independent in a new team.",
        'activities': "Three weeks of work placement in the hotel kitchen: preparation, service and hygiene procedures, "
                      "with a weekly talk with the accompanying teacher.",
        'learning_outcomes': "I can prepare several Spanish dishes, follow the hygiene rules of a hotel kitchen and "
                             "communicate with colleagues in simple Spanish. "
                             "I can also tell my class about the placement when I come back."},
       {'table_a': [], 'table_b': [], 'table_c': []})

# ---- flemish-pcp-2024 --------------------------------------------------------------------------

sample('flemish-pcp-2024', 'study', 'nl',
       {'role': 'student', 'given_name': 'Ruben', 'family_name': 'Hermans', 'date_of_birth': '1999-01-27',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'ruben.hermans@example.org', 'phone': '+32 478 63 20 91',
        'home_institution': ITM, 'degree_programme': 'Master of Science in Tropical Medicine',
        'study_cycle': 7, 'field_of_education': '0912', 'year_of_study': 1,
        'fewer_opportunities': False, 'scholarship': True},
       {'activity': 'study', 'direction': 'outgoing', 'destination_country': 'BR',
        'receiving_organisation': {'name': 'Universidade de São Paulo, Faculdade de Saúde Pública',
                                   'address': 'Av. Dr. Arnaldo 715, Cerqueira César, São Paulo, SP, Brazil',
                                   'contact_name': 'Prof. Mariana Souza', 'contact_email': 'ccint@example.br', 'type': 'hei'},
        'pair_partner': {'name': 'Mariana Costa Ribeiro', 'email': 'mariana.ribeiro@example.org',
                         'institution': 'Universidade de São Paulo'},
        'start_date': '2026-09-01', 'end_date': '2026-12-31', 'travel_mode': 'standard', 'distance_km': 9800},
       "Brazil has built one of the largest public health systems in the world and has a long experience "
       "with the control of dengue, Chagas disease and leishmaniasis. The Faculty of Public Health of the "
       "University of São Paulo offers courses on the epidemiology of these diseases and on the Brazilian "
       "unified health system that would add a Latin American perspective to my master's programme, which "
       "so far has focused mainly on Africa and Asia.\n"
       "This exchange is part of a duo: Mariana Costa Ribeiro from the same faculty will study at our "
       "institute in the same semester, and we will work together on a comparison of dengue surveillance "
       "in Antwerp's travel clinic data and in São Paulo. I have followed Portuguese courses for two years "
       "and reached the B2 level, so I can follow the courses and work in the field.\n"
       "A semester in São Paulo would also prepare me for a career in international health in Latin "
       "America, where I hope to work after my studies.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Learn the epidemiology and control of neglected tropical diseases in Latin America and the "
                      "organisation of the Brazilian unified health system.",
        'activities': "Follow four courses at the Faculty of Public Health, visit a municipal surveillance service, and "
                      "prepare a joint comparison of dengue surveillance data with my duo partner. I will also "
                      "join the weekly research seminar of the department and present the first results of the "
                      "comparison there at the end of the semester.",
        'learning_outcomes': "I can compare disease control strategies between health systems, analyse surveillance data "
                             "for dengue, and work in Portuguese in a public health team. "
                             "I can present research results in Portuguese. "
                             "I will also know the Brazilian partners of our institute, which prepares future research collaboration in Latin America."},
       {'language': {'code': 'pt', 'cefr': 'B2'},
        'table_a': rows('2026 segundo semestre', ('HEP5801', 'Epidemiologia das Doenças Tropicais', 6),
                        ('HSP5802', 'Sistema Único de Saúde', 6), ('HEP5803', 'Vigilância Epidemiológica', 4),
                        ('HEP5804', 'Seminários de Pesquisa', 4)),
        'table_b': rows('2026/2027 semester 1', ('MTM-ELEC4', 'Elective: Tropical Diseases in Latin America', 12),
                        ('MTM-ELEC5', 'Elective: Health Systems Comparison', 8)),
        'table_c': []})

sample('flemish-pcp-2024', 'internship', 'nl',
       {'role': 'student', 'given_name': 'Charlotte', 'family_name': 'Dubois', 'date_of_birth': '1998-08-15',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'charlotte.dubois@example.org', 'phone': '+32 477 30 58 14',
        'home_institution': ITM, 'degree_programme': 'Master of Science in Public Health',
        'study_cycle': 7, 'field_of_education': '0912', 'year_of_study': 1,
        'fewer_opportunities': True, 'scholarship': True},
       {'activity': 'internship', 'direction': 'outgoing', 'destination_country': 'MX',
        'receiving_organisation': {'name': 'Instituto Nacional de Salud Pública',
                                   'address': 'Av. Universidad 655, Santa María Ahuacatitlán, 62100 Cuernavaca, Morelos, Mexico',
                                   'contact_name': 'Dra. Laura Hernández', 'contact_email': 'practicas@example.mx', 'type': 'public_body'},
        'start_date': '2026-07-01', 'end_date': '2026-09-30', 'travel_mode': 'standard', 'distance_km': 9350},
       "I would like to do a three-month internship at the National Institute of Public Health of Mexico "
       "in the team that evaluates the national programme for the prevention of diabetes and obesity. "
       "Non-communicable diseases are the main burden of disease in many middle-income countries, and "
       "Mexico's taxes on sugar-sweetened beverages and its front-of-pack labelling are studied worldwide.\n"
       "During the internship I will help analyse the data of the programme evaluation and write a report "
       "on the effect of the labelling policy on purchases, which will become the basis of my master's "
       "thesis. The team works in Spanish, which I speak well after a year of volunteering in Guatemala.\n"
       "As a student with a study allowance, the scholarship is essential for me to take this opportunity.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Contribute to the evaluation of Mexico's policies against obesity and diabetes and collect the material for my thesis.",
        'activities': "Data cleaning and analysis of household purchase data, participation in team meetings, and writing of a report.",
        'learning_outcomes': "I can evaluate a population-level nutrition policy with quasi-experimental methods and report "
                             "the results to policy makers. "
                             "I can also work with large household purchase data sets, explain the political context of nutrition policies in Mexico, and collaborate in a Spanish-speaking research team, and I have the data and the analysis plan I need for my master's thesis. "
                             "I will present my findings to the evaluation team before I leave. "
                             "I will also be able to compare the Mexican policies with nutrition policies in Belgium and Europe in the discussion of my thesis.",
        'traineeship': {'programme': "Month 1: introduction to the evaluation and the data; month 2: analysis of purchase data; "
                                     "month 3: report writing and presentation to the team.",
                        'hours_per_week': 40, 'monitoring': "Weekly meeting with the mentor; monthly call with the ITM supervisor.",
                        'evaluation': "Internship report and evaluation form completed by the mentor.",
                        'mentor': 'Dra. Laura Hernández'}},
       {'language': {'code': 'es', 'cefr': 'C1'}, 'table_a': [], 'table_b': [], 'table_c': []})

sample('flemish-pcp-2024', 'thesis_research', 'nl',
       {'role': 'student', 'given_name': 'Laura', 'family_name': 'Smets', 'date_of_birth': '1999-11-05',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'laura.smets@example.org', 'phone': '+32 479 12 84 60',
        'home_institution': ITM, 'degree_programme': 'Master of Science in Tropical Medicine',
        'study_cycle': 7, 'field_of_education': '0912', 'year_of_study': 1,
        'fewer_opportunities': False, 'scholarship': True},
       {'activity': 'thesis_research', 'direction': 'outgoing', 'destination_country': 'TR',
        'receiving_organisation': {'name': 'Hacettepe University, Faculty of Medicine, Department of Infectious Diseases',
                                   'address': 'Sıhhiye, 06230 Altındağ, Ankara, Türkiye',
                                   'contact_name': 'Prof. Dr. Ayşe Yılmaz', 'contact_email': 'international@example.tr', 'type': 'hei'},
        'start_date': '2026-06-01', 'end_date': '2026-06-30', 'travel_mode': 'standard', 'distance_km': 2280},
       "My master's thesis studies the clinical presentation and treatment of Crimean-Congo haemorrhagic "
       "fever, a tick-borne viral disease that is endemic in central Anatolia. The Department of "
       "Infectious Diseases of Hacettepe University treats many patients every summer and has built a "
       "clinical database that is unique in Europe.\n"
       "During one month in Ankara I will extract and check the data of the last five seasons with the "
       "clinical team, observe the management of patients in the isolation unit, and discuss the analysis "
       "with my local supervisor. The department has confirmed in writing that it will host me.\n"
       "This month is the core of my thesis research; without it I cannot complete the analysis.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Collect and validate the clinical data for my thesis on Crimean-Congo haemorrhagic fever.",
        'activities': "Data extraction from the clinical database with the team, observation in the isolation unit, and "
                      "weekly analysis meetings with my local supervisor.",
        'learning_outcomes': "I can describe the clinical course of the disease, apply case definitions to hospital data, "
                             "and perform a survival analysis of treatment outcomes. "
                             "I will also understand how patients are isolated and treated in a specialised unit, and I will return with a validated data set and an analysis plan approved by my supervisors in Ankara and Antwerp, so that I can finish my thesis on time. "
                             "I will also have improved my clinical knowledge of viral haemorrhagic fevers. "
                             "I will also have strengthened the contacts between the two departments for future students."},
       {'table_a': [], 'table_b': [], 'table_c': []})

sample('flemish-pcp-2024', 'incoming', 'en',
       {'role': 'student', 'given_name': 'Mariana', 'family_name': 'Costa Ribeiro', 'date_of_birth': '1998-05-19',
        'nationality': 'BR', 'citizenships': ['BR'], 'email': 'mariana.ribeiro@example.org', 'phone': '+55 11 3061 0000',
        'home_institution': {'name': 'Universidade de São Paulo', 'country': 'BR'},
        'degree_programme': 'Mestrado em Saúde Pública', 'study_cycle': 7, 'field_of_education': '0912',
        'year_of_study': 1, 'fewer_opportunities': False, 'scholarship': True},
       {'activity': 'incoming', 'direction': 'incoming', 'destination_country': 'BE',
        'receiving_organisation': ITM_HOST,
        'pair_partner': {'name': 'Ruben Hermans', 'email': 'ruben.hermans@example.org',
                         'institution': 'Institute of Tropical Medicine Antwerp'},
        'start_date': '2026-09-14', 'end_date': '2026-12-18', 'travel_mode': 'standard', 'distance_km': 9800},
       "I am a master's student in public health at the University of São Paulo, where I study the "
       "surveillance of dengue in the metropolitan area. The Institute of Tropical Medicine in Antwerp is "
       "a reference in the epidemiology of travel-related infections and vector-borne diseases, and its "
       "courses on epidemiological methods and on disease control would strengthen the quantitative part "
       "of my master's research.\n"
       "This stay is the other half of a duo exchange with Ruben Hermans, who will study at our faculty in "
       "the same semester. Together we will compare dengue surveillance data from São Paulo with data on "
       "imported cases seen at the institute's travel clinic, which may lead to a joint publication.\n"
       "I follow courses in English without difficulty and I am eager to learn from a very international "
       "group of students.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Strengthen my epidemiological methods for surveillance research and prepare a joint comparison "
                      "of dengue data with my duo partner.",
        'activities': "Follow three courses of the first semester and take part in the research seminar; work with the "
                      "travel clinic team on imported dengue cases.",
        'learning_outcomes': "I can apply advanced epidemiological methods to surveillance data and compare local and "
                             "imported dengue cases. "
                             "I can also use the statistical software taught at the institute, work in an international group of students from many countries, and I have a draft of a joint paper with my duo partner and our supervisors in Antwerp and São Paulo. "
                             "I will present our joint work at the institute's research seminar. "
                             "I will also have improved my academic English and my knowledge of Belgian and European public health institutions."},
       {'language': {'code': 'en', 'cefr': 'C1'},
        'table_a': rows('2026/2027 semester 1', ('MPH-EPI', 'Epidemiological Methods', 6),
                        ('MPH-DCP', 'Disease Control Programmes', 6), ('MPH-SEM', 'Research Seminar', 3)),
        'table_b': rows('2026 segundo semestre', ('HEP5901', 'Métodos Epidemiológicos Avançados', 9),
                        ('HEP5902', 'Tópicos em Controle de Doenças', 6)),
        'table_c': []})

# ---- flemish-asem-duo-2024 ---------------------------------------------------------------------

sample('flemish-asem-duo-2024', 'duo_outgoing', 'nl',
       {'role': 'student', 'given_name': 'Noor', 'family_name': 'Vandenberghe', 'date_of_birth': '1999-09-09',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'noor.vandenberghe@example.org', 'phone': '+32 470 88 14 26',
        'home_institution': ITM, 'degree_programme': 'Master of Science in Public Health',
        'study_cycle': 7, 'field_of_education': '0912', 'year_of_study': 1,
        'fewer_opportunities': True, 'scholarship': True},
       {'activity': 'duo_outgoing', 'direction': 'outgoing', 'destination_country': 'KR',
        'receiving_organisation': {'name': 'Seoul National University, Graduate School of Public Health',
                                   'address': '1 Gwanak-ro, Gwanak-gu, Seoul 08826, Republic of Korea',
                                   'contact_name': 'Prof. Min-jung Kim', 'contact_email': 'exchange@example.kr', 'type': 'hei'},
        'pair_partner': {'name': 'Ji-woo Park', 'email': 'jiwoo.park@example.org', 'institution': 'Seoul National University'},
        'start_date': '2026-09-01', 'end_date': '2026-12-31', 'travel_mode': 'standard', 'distance_km': 8650},
       "South Korea combined a fast-ageing population with universal health insurance and an advanced "
       "digital health infrastructure, and its response to recent epidemics relied heavily on data. The "
       "Graduate School of Public Health of Seoul National University offers courses on health insurance "
       "policy, digital epidemiology and the health of older people that are not available in my programme.\n"
       "This exchange is a duo with Ji-woo Park, a master's student at the same school, who will study at "
       "our institute during the same semester. Together we prepare a comparison of long-term care "
       "financing in Korea and Belgium, a topic in which both our supervisors are involved.\n"
       "As a student who works alongside her studies, the ASEM-DUO scholarship is what makes this "
       "semester possible for me.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Learn how Korea finances universal health coverage and long-term care and how it uses digital "
                      "data for epidemic response.",
        'activities': "Follow four courses at the Graduate School of Public Health and work with my duo partner on a "
                      "comparison of long-term care financing.",
        'learning_outcomes': "I can compare social health insurance and long-term care financing between countries and "
                             "assess the use of digital data in disease surveillance. "
                             "I will also understand the organisation of the Korean health system from the inside, have a draft comparison of long-term care financing written with my duo partner, and be able to discuss it with both supervisors. "
                             "I will also have improved my understanding of Korean culture and built a network with Korean students in public health."},
       {'language': {'code': 'en', 'cefr': 'C1'},
        'table_a': rows('2026 fall semester', ('M3001.001', 'Health Insurance Policy', 6),
                        ('M3002.002', 'Digital Epidemiology', 6), ('M3003.003', 'Health of Older People', 4),
                        ('M3004.004', 'Korean Health System Seminar', 4)),
        'table_b': rows('2026/2027 semester 1', ('MPH-ELEC6', 'Elective: Health Financing', 12),
                        ('MPH-ELEC7', 'Elective: Digital Epidemiology', 8)),
        'table_c': []})

sample('flemish-asem-duo-2024', 'duo_incoming', 'en',
       {'role': 'student', 'given_name': 'Ji-woo', 'family_name': 'Park', 'date_of_birth': '1998-12-03',
        'nationality': 'KR', 'citizenships': ['KR'], 'email': 'jiwoo.park@example.org', 'phone': '+82 2 880 0000',
        'home_institution': {'name': 'Seoul National University', 'country': 'KR'},
        'degree_programme': 'Master of Public Health', 'study_cycle': 7, 'field_of_education': '0912',
        'year_of_study': 2, 'fewer_opportunities': False, 'scholarship': True},
       {'activity': 'duo_incoming', 'direction': 'incoming', 'destination_country': 'BE',
        'receiving_organisation': ITM_HOST,
        'pair_partner': {'name': 'Noor Vandenberghe', 'email': 'noor.vandenberghe@example.org',
                         'institution': 'Institute of Tropical Medicine Antwerp'},
        'start_date': '2026-09-01', 'end_date': '2026-12-31', 'travel_mode': 'standard', 'distance_km': 8650},
       "I study health policy at the Graduate School of Public Health of Seoul National University and my "
       "thesis compares the financing of long-term care in ageing societies. Belgium combines social health "
       "insurance with regional responsibility for long-term care, which makes it a very interesting case "
       "for comparison with Korea.\n"
       "This semester is the other half of a duo exchange with Noor Vandenberghe, who will study at my "
       "school at the same time. At the Institute of Tropical Medicine I will follow courses on health "
       "systems and health financing with students from many low- and middle-income countries, and work "
       "with Noor on our joint comparison of long-term care financing.\n"
       "I have studied in English throughout my master's programme and look forward to living in Antwerp.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Study health systems and health financing in an international setting and prepare the Belgian "
                      "part of a comparison of long-term care financing.",
        'activities': "Follow four courses of the first semester and work with my duo partner and our supervisors on the comparison.",
        'learning_outcomes': "I can analyse health financing arrangements across countries and describe the Belgian "
                             "organisation of long-term care. "
                             "I will also have written the Belgian part of our joint comparison with my duo partner, discussed it with both supervisors, and learned to work in an international group of students from low- and middle-income countries. "
                             "I will also have visited Belgian long-term care services with my supervisor and discussed them with policy makers in Brussels. "
                             "I will have made friends among the international students in Antwerp."},
       {'language': {'code': 'en', 'cefr': 'C1'},
        'table_a': rows('2026/2027 semester 1', ('MPH-HSF', 'Health Systems Financing', 6),
                        ('MPH-HPA', 'Health Policy Analysis', 6), ('MPH-EPI', 'Epidemiological Methods', 6),
                        ('MPH-SEM', 'Research Seminar', 3)),
        'table_b': rows('2026 fall semester', ('M3101.001', 'Comparative Health Financing', 9),
                        ('M3102.002', 'Health Policy Seminar', 6), ('M3103.003', 'Research Methods in Public Health', 6)),
        'table_c': []})

# ---- flemish-twc-2024 --------------------------------------------------------------------------

sample('flemish-twc-2024', 'internship', 'nl',
       {'role': 'student', 'given_name': 'Elias', 'family_name': 'Van Damme', 'date_of_birth': '2003-02-14',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'elias.vandamme@example.org', 'phone': '+32 473 29 41 57',
        'home_institution': UANTWERPEN, 'degree_programme': 'Bachelor of Political Science',
        'study_cycle': 6, 'field_of_education': '0312', 'year_of_study': 3,
        'credits_obtained': 120, 'gpa': 3.4, 'fewer_opportunities': False, 'scholarship': True},
       {'activity': 'internship', 'direction': 'outgoing', 'destination_country': 'US',
        'receiving_organisation': {'name': 'The Washington Center for Internships and Academic Seminars',
                                   'address': '1333 16th Street NW, Washington, DC 20036, United States',
                                   'contact_name': 'Sarah Mitchell', 'contact_email': 'international@example.com', 'type': 'ngo'},
        'start_date': '2026-09-01', 'end_date': '2026-12-15', 'travel_mode': 'standard', 'distance_km': 6200},
       "I am a third-year student of political science with a strong interest in transatlantic relations "
       "and in how international organisations shape global health and trade policy. The Washington Center "
       "programme would let me combine an internship at a policy organisation in Washington with academic "
       "seminars on American politics, an experience that no course in Antwerp can offer.\n"
       "I hope to be placed at a think tank or an international organisation working on trade and health, "
       "such as the Pan American Health Organization, where I could assist with policy research and "
       "follow congressional hearings. My bachelor's paper on the negotiation of the pandemic agreement "
       "has prepared me for this kind of work, and my results place me in the top of my year.\n"
       "After my master's studies I want to work in international policy, and a semester in Washington "
       "would give me the professional network and the practical experience to start that career.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Gain professional experience in international policy in Washington and deepen my understanding "
                      "of the American political system.",
        'activities': "A full-time internship at a policy organisation, the Washington Center's academic seminar on "
                      "American politics, and its leadership forum.",
        'learning_outcomes': "I can write policy briefs for a professional audience, analyse the role of Congress and "
                             "interest groups in foreign policy, and work in an international team. "
                             "I will also have a professional network in Washington, a portfolio of written work from the internship, and a clear plan for a master's programme in international relations. "
                             "I will also understand how American think tanks and international organisations influence the policy process, and how Congress reviews international agreements. "
                             "I will also have improved my professional English and my presentation skills."},
       {'table_a': [], 'table_b': [], 'table_c': []})

# ---- erasmus-belgica-2024 ----------------------------------------------------------------------

sample('erasmus-belgica-2024', 'study', 'nl',
       {'role': 'student', 'given_name': 'Femke', 'family_name': 'Willems', 'date_of_birth': '2005-06-30',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'femke.willems@example.org', 'phone': '+32 468 44 90 13',
        'home_institution': UANTWERPEN, 'degree_programme': 'Bachelor of Biomedical Sciences',
        'study_cycle': 6, 'field_of_education': '0511', 'year_of_study': 2,
        'credits_obtained': 60, 'fewer_opportunities': False, 'scholarship': True},
       {'activity': 'study', 'direction': 'outgoing', 'destination_country': 'BE',
        'receiving_organisation': {'name': 'Université catholique de Louvain', 'erasmus_code': 'B  LOUVAIN01',
                                   'address': 'Place de l\'Université 1, 1348 Louvain-la-Neuve, Belgium',
                                   'contact_name': 'Sophie Lambert', 'contact_email': 'mobilite@example.be', 'type': 'hei'},
        'start_date': '2026-09-14', 'end_date': '2027-01-29', 'travel_mode': 'green', 'distance_km': 60},
       "I want to spend the first semester of my third bachelor year at the Université catholique de "
       "Louvain, to study part of my programme in French and to get to know the French-speaking academic "
       "community. Biomedical research in Belgium is done in teams that cross the language border, and I "
       "want to be able to work and study in both languages.\n"
       "UCLouvain offers courses in immunology, pharmacology and cell biology that match the courses of "
       "my programme in Antwerp, so that my study progress is not delayed. I passed my first year with "
       "good results and have reached the B2 level in French.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Follow part of my bachelor's programme in French, get to know the French-speaking academic "
                      "community, and reach the learning outcomes of the corresponding courses in Antwerp so that "
                      "my study progress is not delayed.",
        'activities': "Follow four courses of the first semester at UCLouvain, including the laboratory practicals in "
                      "cell biology, take the exams there in January, and take part in the activities for "
                      "exchange students organised by the university to improve my academic French.",
        'learning_outcomes': "I can follow scientific courses and write laboratory reports in French, and I reach the "
                             "learning outcomes of the corresponding courses of my programme. "
                             "I can also work in a laboratory team that speaks French. "
                             "I will have built contacts with French-speaking students and researchers for a later master's internship."},
       {'language': {'code': 'fr', 'cefr': 'B2'},
        'table_a': rows('2026-2027 quadrimestre 1', ('LBIR1250', 'Immunologie', 6), ('LFARM1200', 'Pharmacologie générale', 6),
                        ('LBIO1320', 'Biologie cellulaire approfondie', 6), ('LBIO1330', 'Travaux pratiques de biologie cellulaire', 6)),
        'table_b': rows('2026-2027 semester 1', ('2100BMW', 'Immunologie', 6), ('2101BMW', 'Farmacologie', 6),
                        ('2102BMW', 'Celbiologie', 12)),
        'table_c': []})

sample('erasmus-belgica-2024', 'traineeship', 'nl',
       {'role': 'student', 'given_name': 'Arne', 'family_name': 'Goossens', 'date_of_birth': '2002-10-22',
        'nationality': 'BE', 'citizenships': ['BE'], 'email': 'arne.goossens@example.org', 'phone': '+32 475 61 37 82',
        'home_institution': UANTWERPEN, 'degree_programme': 'Master of Biomedical Sciences',
        'study_cycle': 7, 'field_of_education': '0511', 'year_of_study': 1,
        'credits_obtained': 180, 'fewer_opportunities': False, 'scholarship': True},
       {'activity': 'traineeship', 'direction': 'outgoing', 'destination_country': 'BE',
        'receiving_organisation': {'name': 'Centre Hospitalier Universitaire de Liège, Laboratoire de virologie',
                                   'address': 'Avenue de l\'Hôpital 1, 4000 Liège, Belgium',
                                   'contact_name': 'Dr. Marc Delvaux', 'contact_email': 'stages@example.be', 'type': 'public_body'},
        'start_date': '2026-05-04', 'end_date': '2026-07-17', 'travel_mode': 'green', 'distance_km': 100},
       "For my master's internship I would like to join the virology laboratory of the University Hospital "
       "of Liège, which is a national reference centre for respiratory viruses. The laboratory works on "
       "the genomic surveillance of influenza and RSV, the topic of my master's thesis.\n"
       "The internship would give me experience with diagnostic and sequencing work in a hospital "
       "laboratory and allow me to work in French every day. I passed all the courses of my bachelor's "
       "programme and I have a B2 level in French.\n"
       + CLOSING_STUDENT + "\n" + PREPARATION_STUDENT,
       {'objectives': "Gain experience in the genomic surveillance of respiratory viruses in a hospital reference laboratory.",
        'activities': "Sample processing, sequencing of influenza and RSV isolates, and analysis of the data with the bioinformatics team.",
        'learning_outcomes': "I can sequence respiratory viruses, interpret phylogenetic analyses, and work in a "
                             "French-speaking laboratory team. "
                             "I can also describe how a national reference centre reports to the public health authorities, explain the biosafety rules for respiratory viruses, and I have collected the data and the sequencing results that I need for my master's thesis on the genomic surveillance of influenza and RSV. "
                             "I will also have improved my scientific French. "
                             "I will have learned how a hospital laboratory works with clinicians, and how the results of genomic surveillance are reported to the national health authorities each week during the season.",
        'traineeship': {'programme': "Weeks 1-2: introduction and biosafety; weeks 3-8: sample processing and sequencing; "
                                     "weeks 9-11: data analysis and report.",
                        'hours_per_week': 38, 'monitoring': "Weekly meeting with the mentor; visit of the UAntwerpen supervisor in week 6.",
                        'evaluation': "Internship report and evaluation by the mentor.",
                        'mentor': 'Dr. Marc Delvaux'}},
       {'language': {'code': 'fr', 'cefr': 'B2'}, 'table_a': [], 'table_b': [], 'table_c': []})


# --------------------------------------------------------------------------------------------
# Checks against the profile (an independent, simplified reading of the rules)

class SampleError(Exception):
    pass


def check(bundle, profile, institution, name):
    def fail(msg):
        raise SampleError(f'{name}: {msg}')

    act_id = bundle['mobility']['activity']
    acts = {a['id']: a for a in profile['activities']}
    if act_id not in acts:
        fail(f'unknown activity {act_id}')
    act = acts[act_id]
    app, mob = bundle['applicant'], bundle['mobility']
    sets = profile.get('country_sets', {})

    if bundle['programme'] != profile['id'] or bundle['call'] != profile['call']:
        fail('programme or call differs from the profile')
    if app['role'] not in act['roles']:
        fail(f'role {app["role"]} not in {act["roles"]}')
    if 'study_cycles' in act and app.get('study_cycle') not in act['study_cycles']:
        fail('study cycle not allowed')
    for path in act.get('required_fields', []):
        value = get(bundle, path)
        if value is None or value == '':
            fail(f'required field {path} missing')

    direction = act.get('direction', 'outgoing')
    if mob.get('direction', 'outgoing') != direction:
        fail('direction differs from the activity')
    dest = mob['destination_country']
    if not any(dest in sets[s] for s in act['destinations']):
        fail(f'destination {dest} not in {act["destinations"]}')
    if 'origins' in act:
        home = app['home_institution']['country']
        if not any(home in sets[s] for s in act['origins']):
            fail(f'home country {home} not in origins')
    ex = profile.get('exclusions', {})
    if dest in ex.get('countries', []):
        fail(f'destination {dest} excluded')
    if ex.get('home_country') and dest == app['home_institution']['country']:
        fail('destination is the home country')
    if ex.get('citizenship') and (dest == app['nationality'] or dest in app.get('citizenships', [])):
        fail('destination is a country of citizenship')

    org = mob['receiving_organisation']
    types = act.get('organisation_types', {})
    if types.get('eligible') and org['type'] not in types['eligible']:
        fail(f'organisation type {org["type"]} not eligible')
    if org['type'] in types.get('excluded', []):
        fail('organisation type excluded')
    if org['type'] in types.get('eche_required', []) and not org.get('erasmus_code'):
        fail('ECHE holder needs an Erasmus code')

    start = dt.date.fromisoformat(mob['start_date'])
    end = dt.date.fromisoformat(mob['end_date'])
    dur = dict(act['duration'])
    dur.update(act.get('duration_by_country', {}).get(dest, {}))
    counting = act['duration'].get('counting', 'calendar')
    days = days_30_360(start, end) if counting == '30/360' else days_calendar(start, end)
    length = days / 30 if dur['unit'] == 'months' else days
    if not dur['min'] <= length <= dur['max']:
        fail(f'duration {length:.2f} {dur["unit"]} outside {dur["min"]}-{dur["max"]}')
    application = profile.get('application', {})
    if 'lead_time_months' in application and start < add_months(REFERENCE_DATE, application['lead_time_months']):
        fail('start date within the lead time')
    window = application.get('mobility_window')
    if window and not (dt.date.fromisoformat(window['start']) <= start and end <= dt.date.fromisoformat(window['end'])):
        fail('outside the mobility window')
    if start < REFERENCE_DATE:
        fail('starts before the reference date')

    hours = act.get('teaching_hours_per_week')
    if hours:
        needed = hours * max(1, days_calendar(start, end) / 7)
        if mob.get('teaching_hours', 0) < needed:
            fail(f'teaching hours {mob.get("teaching_hours")} below {needed:.1f}')

    elig = act.get('eligibility', {})
    if 'min_credits_obtained' in elig and app.get('credits_obtained', 0) < elig['min_credits_obtained']:
        fail('not enough credits obtained')
    if 'min_gpa' in elig and app.get('gpa', 0) < elig['min_gpa']:
        fail('GPA too low')
    if mob.get('group') and not elig.get('group_allowed'):
        fail('group mobility not allowed')

    for key, section in (('motivation_letter', None), ('study_plan', None)):
        bounds = act.get(key)
        if not bounds:
            continue
        if key == 'motivation_letter':
            n = words(bundle['motivation_letter']['text'])
        else:
            n = sum(words(bundle['study_plan'].get(k, '')) for k in ('objectives', 'activities', 'learning_outcomes'))
        if not bounds['min_words'] + 20 <= n <= bounds['max_words'] - 20:
            fail(f'{key} has {n} words, bounds {bounds["min_words"]}-{bounds["max_words"]} (with a margin of 20)')

    kinds = {a['kind'] for a in bundle['attachments']}
    for kind in act.get('required_documents', []):
        if kind not in kinds:
            fail(f'document {kind} missing')
    for a in bundle['attachments']:
        raw = base64.b64decode(a['data'])
        if len(raw) != a['size'] or hashlib.sha256(raw).hexdigest() != a['sha256']:
            fail('attachment checksum')

    la_rules = act.get('learning_agreement', {})
    la = bundle.get('learning_agreement', {})
    credits = institution['credits'] if institution else {}
    totals = {}
    for table in ('table_a', 'table_b', 'table_c'):
        rows_ = la.get(table, [])
        if table in la_rules.get('tables', []) and not rows_:
            fail(f'{table} empty')
        for row in rows_:
            e = row['ects']
            if credits.get('whole_numbers') and not isinstance(e, int):
                fail(f'{table}: ECTS {e} not a whole number')
            if e < credits.get('min_per_component', 0):
                fail(f'{table}: component of {e} ECTS below the minimum')
        totals[table] = sum(r['ects'] for r in rows_)
    vc = la_rules.get('virtual_component', 'none')
    if vc == 'required' and not la.get('table_c'):
        fail('virtual component required')
    if vc == 'none' and la.get('table_c'):
        fail('virtual component not allowed')
    if la_rules.get('compare_a_b') and totals['table_a'] != totals['table_b']:
        fail(f'Table A total {totals["table_a"]} != Table B total {totals["table_b"]}')
    if 'min_total_ects' in la_rules and totals['table_a'] < la_rules['min_total_ects']:
        fail('below the minimum total ECTS')
    if la_rules.get('tables'):
        weeks = days_calendar(start, end) / 7
        cap = credits.get('max_per_full_time_week')
        if cap and vc != 'required' and max(totals['table_a'], totals['table_b']) > cap * weeks:
            fail(f'{totals["table_a"]} ECTS above {cap} per week over {weeks:.1f} weeks')
        if la_rules.get('load_check'):
            expected = credits.get('per_year', 60) / 12 * days_30_360(start, end) / 30
            if not 0.75 * expected <= totals['table_a'] <= 1.25 * expected:
                fail(f'load {totals["table_a"]} ECTS far from {expected:.1f}')
    if la and 'language' in la and la['language']['cefr'] not in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NS'):
        fail('CEFR level')


# --------------------------------------------------------------------------------------------

def band_index(profile, km):
    for i, band in enumerate(profile.get('travel_bands', []), start=1):
        if band['min_km'] <= km <= band['max_km']:
            return i
    return None


def build(spec, profile):
    name = f'{spec["profile"]}--{spec["activity"]}.dossier.json'
    act = next(a for a in profile['activities'] if a['id'] == spec['activity'])
    owner = f'{spec["applicant"]["given_name"]} {spec["applicant"]["family_name"]}'
    mobility = dict(spec['mobility'])
    band = band_index(profile, mobility.get('distance_km', 0))
    if band is not None:
        mobility['distance_band'] = band
    bundle = {
        'format': 'mobility-dossier',
        'format_version': 1,
        'id': sample_id(name),
        'created': spec['created'],
        'modified': spec['modified'],
        'programme': profile['id'],
        'call': profile['call'],
        'language': spec['language'],
        'applicant': spec['applicant'],
        'mobility': mobility,
        'motivation_letter': {'text': spec['letter']},
        'study_plan': spec['plan'],
        'learning_agreement': spec['learning_agreement'] or {'table_a': [], 'table_b': [], 'table_c': []},
        'attachments': [attachment(kind, owner) for kind in act.get('required_documents', [])],
        'approvals': [],
        'submissions': [],
    }
    bundle['integrity'] = {'algorithm': 'sha256', 'digest': digest(bundle)}
    return name, bundle


def main():
    only_check = '--check' in sys.argv[1:]
    profiles = {}
    for f in sorted(os.listdir(PROGRAMMES)):
        if f.endswith('.json'):
            with open(os.path.join(PROGRAMMES, f), encoding='utf-8') as fh:
                p = json.load(fh)
            profiles[p['id']] = p
    seen_ids = set()
    covered = set()
    errors = []
    for spec in SAMPLES:
        profile = profiles[spec['profile']]
        institution = None
        if profile.get('institution'):
            with open(os.path.join(INSTITUTIONS, profile['institution'] + '.json'), encoding='utf-8') as fh:
                institution = json.load(fh)
        name, bundle = build(spec, profile)
        try:
            check(bundle, profile, institution, name)
        except SampleError as e:
            errors.append(str(e))
            continue
        if bundle['id'] in seen_ids:
            raise SampleError(f'{name}: duplicate id')
        seen_ids.add(bundle['id'])
        covered.add((profile['id'], spec['activity']))
        if not only_check:
            with open(os.path.join(HERE, name), 'w', encoding='utf-8') as fh:
                fh.write(json.dumps(bundle, indent=2, ensure_ascii=False) + '\n')
        print(('checked ' if only_check else 'wrote   ') + name)
    missing = [(p['id'], a['id']) for p in profiles.values() for a in p['activities'] if (p['id'], a['id']) not in covered]
    for p, a in missing:
        print(f'note: no sample for {p} / {a}')
    if errors:
        raise SampleError('\n       '.join(errors))


if __name__ == '__main__':
    try:
        main()
    except SampleError as e:
        sys.exit(f'error: {e}')
