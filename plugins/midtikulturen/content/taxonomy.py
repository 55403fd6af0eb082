"""Which published items carry each taxonomy term: the inverted index behind term pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from .model import Case, Guide, House
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
    TaxonomySection(Taxonomy.PROGRAMMES, "programmer", "Programmer", "programmer", "med {name}"),
    TaxonomySection(
        Taxonomy.SUPPORT, "stoette", "Regional støtte", "støtteordninger", "med hjælp fra {name}"
    ),
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
    guide_postings: Mapping[Term, tuple[Guide, ...]] = field(default_factory=dict)
    house_postings: Mapping[Term, tuple[House, ...]] = field(default_factory=dict)

    def cases_of(self, term: Term) -> tuple[Case, ...]:
        """The published cases that carry term, newest first."""
        return self.postings.get(term, ())

    def guides_of(self, term: Term) -> tuple[Guide, ...]:
        """The published guides that carry term, by title."""
        return self.guide_postings.get(term, ())

    def houses_of(self, term: Term) -> tuple[House, ...]:
        """The published culture houses in term (a municipality), by name."""
        return self.house_postings.get(term, ())

    def terms(self, taxonomy: Taxonomy) -> tuple[Term, ...]:
        """The taxonomy's terms in the vocabulary file's order."""
        return self.vocabulary.terms[taxonomy]


def index_terms(
    vocabulary: Vocabulary,
    cases: tuple[Case, ...],
    guides: tuple[Guide, ...] = (),
    houses: tuple[House, ...] = (),
) -> TermIndex:
    """The term index of cases (given newest first), guides and houses, in one pass each."""
    return TermIndex(
        _postings(vocabulary, cases),
        vocabulary,
        _postings(vocabulary, tuple(sorted(guides, key=lambda g: g.meta.title))),
        _postings(vocabulary, tuple(sorted(houses, key=lambda h: h.meta.title))),
    )


Item = TypeVar("Item", Case, Guide, House)


def _postings(vocabulary: Vocabulary, items: tuple[Item, ...]) -> Mapping[Term, tuple[Item, ...]]:
    postings: dict[Term, list[Item]] = {
        term: [] for section in SECTIONS for term in vocabulary.terms[section.taxonomy]
    }
    for item in items:
        for term in item.meta.terms:
            if term in postings:
                postings[term].append(item)
    return MappingProxyType({t: tuple(found) for t, found in postings.items()})
