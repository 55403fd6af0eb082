"""Which published items carry each taxonomy term: the inverted index behind term pages."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from .model import Case
from .terms import Taxonomy, Term
from .vocabulary import Vocabulary

REGION_CODE = "1082"


@dataclass(frozen=True)
class TaxonomySection:
    """How a taxonomy is presented: its URL folder and Danish words."""

    taxonomy: Taxonomy
    folder: str
    title: str
    plural: str
    phrase: str

    @property
    def src_uri(self) -> str:
        """The source URI of the taxonomy's index page: `kommuner/index.md`."""
        return f"{self.folder}/index.md"

    def about(self, term: Term) -> str:
        """What a term's cases have in common, after "cases": `fra Viborg`."""
        return self.phrase.format(name=term.name)


SECTIONS = (
    TaxonomySection(Taxonomy.MUNICIPALITIES, "kommuner", "Kommuner", "kommuner", "fra {name}"),
    TaxonomySection(Taxonomy.THEMES, "temaer", "Temaer", "temaer", "med temaet {name}"),
    TaxonomySection(Taxonomy.PROGRAMMES, "programmer", "Programmer", "programmer",
                    "med {name}"),
    TaxonomySection(Taxonomy.SUPPORT, "stoette", "Regional støtte", "støtteordninger",
                    "med hjælp fra {name}"),
)
SECTION_OF = MappingProxyType({s.taxonomy: s for s in SECTIONS})


def term_folder(term: Term) -> str:
    """The folder of the term's page among the site's sources: `kommuner/viborg`."""
    return f"{SECTION_OF[term.taxonomy].folder}/{term.slug}"


def term_uri(term: Term) -> str:
    """The source URI of the term's page: `kommuner/viborg/index.md`."""
    return f"{term_folder(term)}/index.md"


def is_region_wide(term: Term) -> bool:
    """Whether the term stands for the whole region rather than one municipality."""
    return term.taxonomy is Taxonomy.MUNICIPALITIES and term.code == REGION_CODE


@dataclass(frozen=True)
class TermIndex:
    """The published cases under every listed vocabulary term, newest first; empty terms too."""

    postings: Mapping[Term, tuple[Case, ...]]
    vocabulary: Vocabulary

    def cases_of(self, term: Term) -> tuple[Case, ...]:
        """The published cases that carry term, newest first."""
        return self.postings.get(term, ())

    def terms(self, taxonomy: Taxonomy) -> tuple[Term, ...]:
        """The taxonomy's terms in the vocabulary file's order."""
        return self.vocabulary.terms[taxonomy]


def index_terms(vocabulary: Vocabulary, cases: tuple[Case, ...]) -> TermIndex:
    """The term index of cases (given newest first), built in one pass."""
    postings: dict[Term, list[Case]] = {
        term: [] for section in SECTIONS for term in vocabulary.terms[section.taxonomy]}
    for case in cases:
        for term in case.meta.terms:
            postings[term].append(case)
    return TermIndex(MappingProxyType({t: tuple(c) for t, c in postings.items()}), vocabulary)
