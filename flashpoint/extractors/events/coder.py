"""The events coder: walks the sentences, builds candidates and emits the events
that pass."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from flashpoint.extractors.events import confidence as event_confidence
from flashpoint.extractors.events import frames as fr
from flashpoint.extractors.events import places as event_places
from flashpoint.extractors.events.base import EventCandidate, conditional, vlemma
from flashpoint.extractors.events.candidates import Candidates
from flashpoint.extractors.events.happenings import happened
from flashpoint.extractors.events.lexicon import (
    CONFLICT_MATERIAL,
    intensity,
    valid_mode,
)
from flashpoint.extractors.events.merging import Merging
from flashpoint.extractors.events.participants import STATE_SECTORS
from flashpoint.models import Event, EventParticipant, Place, Span

UNRESOLVED_PERSONS = frozenset({"i", "me", "you", "we", "us"})
# Nouns that report people harmed (Coder.harm_word): not "death" or "victim", which
# real stories use for much else ("fight to the death", "a victim of grooming").
HARM_NOUNS = frozenset({"injury", "injuries", "casualty", "casualties", "fatality", "toll"})
# How many sentences after an attack (or its last mention) a report of harm is taken
# to be about it.
TOLL_WINDOW = 4
UNRESOLVED_GROUPS = frozenset({"they", "them", "their", "theirs", "it", "its"})
# Material acts done at a scene, which carry the place of the sentences before; a
# sanction or an aid shipment is decided elsewhere than where it bites.
SCENE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})
# Acts a state's police, security service or courts do at home ("Egyptian police
# arrested 30 activists"): (type, mode), and the sectors of those doers.
DOMESTIC_ACTS = frozenset(
    {("COERCE", "arrest"), ("COERCE", "ban"), ("COERCE", "curfew"), ("COERCE", "censor"),
     ("COERCE", "restrict"), ("SANCTION", "convict"), ("ASSAULT", "crowd-control")}
)  # fmt: skip
DOMESTIC_SECTORS = frozenset({"COP", "JUD", "SPY"})
# Place reasons a place found in the act's own words beats: one borrowed from the
# dateline or the paragraph, and for the town an attack is on, another clause's too
BORROWED = frozenset({"dateline", "paragraph"})
OBJECT_BEATS = BORROWED | {"sentence"}
PERFECT = frozenset({"has", "have", "'s", "'ve"})
# Types whose object is a proposition (what is demanded, rejected, threatened, promised)
# or an act being ended ("lifted a blockade", "suspended mediation efforts").
CONTENT_TYPES = frozenset(
    {"REQUEST", "REJECT", "THREATEN", "AGREE", "CONCEDE", "RETREAT", "SANCTION"}
)


# Who tells of an attack or an arrest, never its doer: news media and reporters.
REPORTING_SECTORS = frozenset({"MED", "JRN"})


def self_exhortation(
    cand: EventCandidate,
    sources: list[EventParticipant],
    targets: list[EventParticipant],
    speech_verbs: frozenset[str],
) -> bool:
    """What a government speaker says its own country or government must do ("the
    prime minister said Britain must be realistic") is a stated view, not a REQUEST
    of another party; a demand on another country stays."""
    if cand.type != "REQUEST" or cand.nominal or cand.trigger.lemma_.lower() not in speech_verbs:
        return False
    home = {p.country for p in sources if p.country and p.sector == "GOV"}
    return len(home) == 1 and bool(targets) and all(p.country in home for p in targets)


def unresolved_dropped(parts: list[EventParticipant]) -> list[EventParticipant]:
    return [p for p in parts if p.actor is not None or p.name.lower() not in UNRESOLVED_GROUPS]


# Verbs of meeting and travel whose place is that of the act they are done for.
PURPOSE_HOSTS = frozenset({"meet", "visit", "travel", "fly", "arrive", "go", "gather"})

class Coder(Candidates, Merging):
    """Codes the events of one document."""

    def run(self) -> list[Event]:
        # the places of the events coded so far, by sentence index (Coder.carried)
        self.scene: dict[int, list[tuple[str, str]]] = {}
        # the doers of the events coded so far, by sentence index (carried_doers)
        self.doers: dict[int, list[tuple[str, list[EventParticipant]]]] = {}
        leads = event_confidence.lead_sentences(self.ctx)
        self.lead_index = self.ctx.sentence_index(leads[0].start_char) if leads else None
        self.home = event_places.main_country(self.ctx.results.get("places", []))
        self.places_by_id = {p.id: p for p in self.ctx.results.get("places", [])}
        # the lead names the story's country (or a town in it): its running tolls are its
        # or its people ("Turkey took in Syrian refugees")
        self.home_in_lead = self.home is not None and any(
            (self.places[t.i].country if t.i in self.places else event_places.people_of(t))
            == self.home
            for lead in leads
            for t in lead
        )
        self.sport_story = fr.sport_story(self.doc)  # a match report: no politics in it
        # a review or a culture page: its violence is a plot's, its habits a critic's
        self.arts_story = fr.arts_story(self.doc, self.ctx.sentences)
        self.home_sure = (
            self.ctx.dateline is None
            or event_places.dateline_place(self.ctx.dateline, self.ctx.results.get("places", []))
            is not None
        )
        for sent in self.ctx.sentences:
            for tok in sent:
                if tok.i in self.consumed:
                    continue
                cand = None
                if tok.pos_ == "VERB":
                    cand = self.verb_candidate(tok) or self.obligation(tok) or self.death(tok)
                elif tok.pos_ == "ADJ" and self.lex.control.get(tok.lemma_.lower()) == "intent":
                    cand = self.verb_candidate(tok)  # "is willing to withdraw"
                elif tok.pos_ in ("NOUN", "PROPN"):
                    cand = self.noun_candidate(tok)
                if cand is not None:
                    self.emit(cand, sent)
            self.toll_mention(sent)
        return self.drop_context()

    def toll_mention(self, sent: SpacySpan) -> None:
        """ "Of the 130 injured, 77 were women", "11 people were taken to hospital with
        injuries": in an attack story, a sentence that reports harm but codes no
        attack of its own speaks of the latest attack coded before it. It is recorded
        as a mention of that attack, not as a new event (figures are not moved)."""
        if not self.attack_story():
            return
        latest = next(
            (
                e
                for e in reversed(self.events)
                if e.type == "ASSAULT" and not e.background and e.trigger.start < sent.start_char
            ),
            None,
        )
        if latest is None or any(
            e.type == "ASSAULT" and e.sentence.start == sent.start_char for e in self.events
        ):
            return
        if any(sent.start_char <= m.start < sent.end_char for m in latest.mentions):
            return
        last = max([latest.trigger.start] + [m.start for m in latest.mentions])
        between = self.ctx.text[last : sent.start_char]
        if between.count(". ") + between.count("\n") > TOLL_WINDOW or fr.disaster(sent):
            return  # too far from the attack to be about it, or a disaster's toll
        for tok in sent:
            if tok.i not in self.consumed and self.harm_word(tok):
                start, end = tok.idx, tok.idx + len(tok)
                latest.mentions.append(Span(start=start, end=end, text=self.ctx.text[start:end]))
                return

    def harm_word(self, tok: Token) -> bool:
        """A word that reports people harmed: "injuries", "casualties", a counted
        "130 more were injured", "the six members killed", "a death toll of 11";
        not "no casualties", not "fight to the death" or "died of cancer" (no count),
        not a compound ("death threats") and not a hypothetical ("could be injured")."""
        lower, lemma = tok.lower_, tok.lemma_.lower()
        if tok.dep_ == "compound" or any(
            c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children
        ):
            return False
        counted = self.counted(tok)
        if tok.pos_ == "NOUN" and (lemma in HARM_NOUNS or lower in HARM_NOUNS):
            # "suffered injuries"; but "a casualty of the war", "the US toll" need a count
            return counted or lemma in ("injury", "injuries")
        if lower in ("dead", "injured", "wounded") and tok.pos_ in ("ADJ", "NOUN"):
            return counted
        if tok.pos_ == "VERB" and tok.tag_ == "VBN" and lemma in self.lex.figure_verbs:
            kind = self.lex.figure_verbs[lemma]
            if lemma in self.lex.death_verbs:
                return False  # "100 people have died en route to the camp": not all die by attack
            return counted and kind in ("dead", "injured") and fr.modality(tok, tok) == "asserted"
        return False

    @staticmethod
    def counted(tok: Token) -> bool:
        """A number counts the people harmed: "the 130 injured", "nine people were
        dead", "six of the members killed", "11 were injured"."""
        heads = [tok] + [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if tok.dep_ in ("acl", "amod", "acomp"):
            heads.append(tok.head)
        if tok.dep_ == "acomp":
            heads += [c for c in tok.head.children if c.dep_ == "nsubj"]
        for head in heads:
            if head.like_num and head is not tok:
                return True
            if head.pos_ == "NOUN" and any(
                t.pos_ == "NUM" and t.ent_type_ not in ("DATE", "TIME", "ORDINAL")
                for t in head.subtree
            ):
                return True  # "a death toll of 11", "casualties among 40 guests"
            for c in head.children:
                if c.dep_ == "nummod" or (c.dep_ == "prep" and c.lower_ == "of" and head.like_num):
                    return True
            if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.like_num:
                return True
        return False

    def drop_context(self) -> list[Event]:
        """An event with no known doer in a subordinate clause ("the district, where 14
        people were killed", "as fighting raged") is background to a sentence that
        reports its own act with a doer; only that act is kept."""

        def sent(e: Event) -> int:
            return e.sentence.start if e.sentence else -1

        led = {sent(e) for e in self.events if e.source and e.id not in self.context}
        return [e for e in self.events if not (e.id in self.context and sent(e) in led)]

    @staticmethod
    def mutual_pair(cand: EventCandidate, sources: list[EventParticipant]) -> bool:
        """A reciprocal act ("X met with Y") has both sides as doers; but when the subject
        is there and codes as no party ("the man put in charge of the transition is
        meeting with opposition leaders"), the other side alone is not the doer: it
        stays the partner, and the doer is left empty."""
        if not (cand.sense.reciprocal and cand.type == cand.sense.type):
            return False
        return bool(sources) or not cand.sources

    def emit(self, cand: EventCandidate, sent: SpacySpan) -> None:
        self.consumed.update(cand.consumed)
        seen_by = self.observers(cand.trigger)  # "residents heard shooting": not the doers
        sources = self.participants([t for t in cand.sources if t.i not in seen_by])
        if any(p.actor is None and p.name.lower() in UNRESOLVED_PERSONS for p in sources):
            return  # an unresolved "I"/"you"/"we" is the writer or a reader, not a party
        sources = [p for p in sources if not event_places.stands_for_no_one(p, self.places_by_span)]
        if cand.type in ("ASSAULT", "COERCE"):  # "..., said AP news agency, with six killed"
            sources = [p for p in sources if p.sector not in REPORTING_SECTORS]
        targets = self.participants(cand.targets)
        if self_exhortation(cand, sources, targets, self.lex.speech_verbs):
            return  # "Cameron said Britain must be realistic": a view, not a demand
        if self.mutual_pair(cand, sources):
            sources, targets = sources + targets, []  # "X met with Y": both act
        scope = self.scope(cand)
        place_target = cand.type in self.lex.place_target_types or cand.mode == "visit"
        placed = False
        if not targets and place_target:
            targets = self.place_participants(scope, cand)
            placed = bool(targets)
        actors = {p.actor for p in sources if p.actor}
        targets = [p for p in targets if not (p.actor and p.actor in actors)]
        if cand.nominal and not self.anchored_noun(cand, targets):
            self.mention(cand, sources)  # "the blast" again: evidence for the event it names
            return  # a bare mention ("US sanctions"), not a reported happening
        if cand.type == "ASSAULT" and not sources and self.accidental(cand):
            self.mention(cand, sources)
            return  # "explosions near the chemical plant": no attack named in the story
        src_spans = {(p.start, p.end) for p in sources}
        targets = [p for p in targets if (p.start, p.end) not in src_spans]
        if (placed or not targets) and sources and not cand.sense.reciprocal:
            # a named party the act is aimed at beats the place standing in for one
            targets = self.nearest_named(cand, sources, places=not placed) or targets
        figures = self.figures(scope)
        if cand.type == "ASSAULT" and not any(f.kind == "dead" for f in figures):
            figures += self.implied_death(cand)
        if cand.background and not figures and cand.modality != "hypothetical":
            self.mention(cand, sources)  # "after the explosion": context that names a coded event
            return
        if conditional(cand.anchor):
            return  # "if it is attacked": a condition, not a reported event
        if self.quoted_habit(cand, figures, sent):
            return  # '"They attack us," he said': a view of what goes on, not an event
        if cand.type in CONTENT_TYPES and not cand.nominal:
            self.consume_content(cand.trigger)
        merged = self.merge(cand, sources, targets, figures)
        if (
            cand.type in ("ASSAULT", "COERCE")
            and all(p.actor is None and self.names_means(p.name) for p in sources)
            and fr.disaster(sent)
        ):
            # "the earthquake killed 555 people", "schools were closed as the hurricane
            # neared", "the helicopter crashed, killing 12": harm and closures, but
            # nobody's attack or coercion
            return
        if self.off_politics(sources + targets, sent):
            return  # "the striker's attack", "agreed a takeover": sport and trade
        # a counted toll is an event even with no party named ("a man was shot dead")
        counted = any(f.kind in ("dead", "injured") for f in figures)
        if merged or not (sources or targets or counted or self.bare_blast(cand, scope)):
            return
        date, precision, time_id = self.date(cand)
        mode = cand.mode
        if cand.type == "ASSAULT" and mode is None:
            mode = self.instrument(scope)
        mode = valid_mode(cand.type, mode)
        start, end = cand.trigger.idx, cand.last.idx + len(cand.last)
        index = self.ctx.sentence_index(sent.start_char)
        unknown = any(event_places.unknown_place(t, self.places) for t in scope)
        named_elsewhere = any(event_places.unknown_place(t, self.places, True) for t in scope)
        clause_place = self.location(scope, cand)
        scene_verbs = self.scene_verbs(cand) if clause_place is None else []
        if scene_verbs:  # "killed four in protests that erupted in Deraa"
            toks = [t for v in scene_verbs for t in fr.clause(v)]
            clause_place = self.location(toks, cand, tuple(v.i for v in scene_verbs))
        if clause_place is None:  # "shut down its Tehran offices": the building's town
            town = event_places.town_of_site(scope, cand.anchor, self.places)
            # "the town of Rastan, where troops killed 12 people": the town described
            town = town or event_places.where_town(cand.anchor, self.places)
            clause_place = town.id if town is not None else None
        reason = "clause"
        # "shot dead in Mezze, on the capital's western edge": an unknown district in it
        anaphor = event_places.anaphoric_place(
            scope,
            self.places,
            self.ctx.results.get("places", []),
            self.ctx.sentences,
            index,
            self.home_sure,
        )
        coarse = clause_place is None or (
            self.places_by_id[clause_place].feature == "country"
            and anaphor is not None
            and self.places_by_id[clause_place].country == anaphor.country
        )
        if anaphor is not None and coarse:  # "shelled the city": the town named before
            clause_place, reason = anaphor.id, "anaphora"
        toll = event_places.running_toll(cand.anchor)
        location, place_precision, place_reason = event_places.choose(
            clause_place,
            self.places,
            self.ctx.results.get("places", []),
            sent,
            {t.i for t in cand.sources + cand.targets}
            | self.other_event(cand)
            | self.happenings_in_sentence(cand, sent)
            | self.what_is_said(cand),
            self.ctx.dateline,
            scope,
            # a running toll ("hundreds have been killed") is no scene's: nothing carried
            None if unknown or named_elsewhere or toll else self.carried(cand, sent, index),
            self.home,
            cand.anchor,
        )
        if place_reason == "clause":
            place_reason = reason
        if place_reason == "dateline":
            location, place_precision, place_reason = self.beyond_dateline(
                cand, sources, (location, place_precision, place_reason)
            )
        if toll and place_reason in ("clause", "sentence") and all(
            event_places.on_speaker(t) for t in sent if self.places.get(t.i) is not None
            and self.places[t.i].id == location
        ):
            # "authorities in Damascus say 1,100 have been killed": the speaker's place
            location, place_precision, place_reason = None, None, None
        if place_reason == "dateline" and event_places.before_the_dateline(
            date, self.ctx.published
        ):
            location, place_precision, place_reason = None, None, None
        country = event_places.nationwide(
            scope, self.places, self.ctx.results.get("places", []), self.home
        )
        if country is None and location is None:
            # "14 were killed as protesters came out across the country": a clause of its
            # sentence says it for the whole country, and the event has no place of its own
            country = event_places.nationwide(
                list(sent), self.places, self.ctx.results.get("places", []), self.home
            )
        if country is not None:  # "40 killed across the country": no one town's event
            location, place_precision, place_reason = country.id, "country", "nationwide"
        named_site = None
        if cand.type in CONFLICT_MATERIAL and country is None:  # a demand has no site
            named_site = event_places.site(scope, cand.anchor, cand.trigger, self.places)
            for verb in scene_verbs if clause_place is None else []:
                named_site = named_site or event_places.site(
                    fr.clause(verb), verb, verb, self.places
                )
        if named_site is not None:
            place_precision = "site"
            place_reason = place_reason or "clause"
        # an unresolved "they"/"them" is a party the text names elsewhere, or no one
        # we can tell: the event stands (it has a doer), the field stays empty
        shown_sources, shown_targets = unresolved_dropped(sources), unresolved_dropped(targets)
        source_reason = None
        if shown_sources and fr.top_of_chain(cand.anchor).dep_ not in ("relcl", "acl"):
            # a doer told in a relative clause ("who was killed in a Russian airstrike")
            # belongs to an aside, not to the scene that goes on
            self.doers.setdefault(index, []).append((cand.type, shown_sources))
        elif not shown_sources:  # "Four people were killed.": the doer of the act told
            # before; an unresolved "they" too, when nothing else there could be it
            shown_sources = self.carried_doers(
                cand, sent, index, self.doers, self.lead_index, pronoun=bool(sources)
            )
            source_reason = "carried" if shown_sources else None
        if cand.type in ("ASSAULT", "COERCE") and named_site is None and country is None:
            # "Homs was shelled again", "troops stormed Rastan": the attacked town is
            # where it was done, when the clause names no place of its own (or only the
            # town's country)
            town = (
                self.target_town(shown_targets)
                or self.cause_town(cand)
                or self.attacked_town(cand)
            )
            # "shelled Homs", filed elsewhere; "attack the province of Idlib, as
            # ministers gathered in Brussels": the act's own object beats another
            # clause's town
            if town is not None and self.finer_than(town, location, place_reason, OBJECT_BEATS):
                location, place_precision, place_reason = town.id, "town", "target"
        moved = self.moved_place(cand) if country is None else None
        if moved is not None and self.finer_than(moved, location, place_reason, BORROWED):
            # "withdrew from Rastan", "sent troops into Bahrain": where the force went
            location, place_reason = moved.id, "target"
            place_precision = event_places.precision_of(moved)
        if (
            location is None
            and named_site is None
            and cand.type in SCENE_TYPES
            and not (unknown or named_elsewhere)
        ):
            # "Syrian forces killed 20 people": the one country the sentence names, by
            # its name or its people, when it is the story's and no town is named
            own = {t.i for t in scope}
            for part in cand.sources + cand.targets:  # "Syrian forces": the party's words
                own.update(t.i for t in part.subtree)
            doers = {t.i for part in cand.sources for t in part.subtree}
            if cand.modality != "asserted":
                doers = set()  # "prepared for any attack by Israel": no scene yet
            parties = doers | {t.i for part in cand.targets for t in part.subtree}
            here = event_places.named_country(
                sent, own, self.places, self.ctx.results.get("places", []), self.home,
                doers, parties,
            )
            # "killed since the protests began in March": the uprising the toll counts from
            since = fr.bound_verb(cand.trigger)
            if since is not None and not any(
                c.dep_ == "mark" and c.lower_ == "since" for c in since.children
            ):
                since = None
            if (
                here is None
                and self.home_in_lead
                and (toll or (since is not None and event_places.running_toll(since.head)))
                and all(  # "Syria says 500 soldiers have been killed": its own country
                    self.places[t.i].country == self.home
                    and (self.places[t.i].feature == "country" or event_places.on_speaker(t))
                    for t in sent
                    if t.i in self.places
                )
                and all(fr.country_of(t.text) in (None, self.home) for t in sent)
            ):
                # "hundreds of people have been killed, rights groups say": a running toll
                # of the story's conflict, in a sentence naming no place, is the story's
                here = event_places.home_country(self.ctx.results.get("places", []), self.home)
            if here is not None:
                location, place_precision, place_reason = here.id, "country", "country"
        borrowed = location is None or place_reason in BORROWED
        if borrowed and named_site is None and not (unknown or named_elsewhere):
            # "Egyptian police arrested 30 activists": a state's own police or courts act at
            # home, when the sentence names no place (a scene carried from another
            # country's story does not hold them)
            doers_home = self.own_country(cand, shown_sources, sent)
            here = self.places_by_id.get(location or "")
            if doers_home is not None and (here is None or here.country != doers_home.country):
                location, place_precision, place_reason = doers_home.id, "country", "own_country"
        if cand.mode == "visit" and place_reason in (None, "dateline", "paragraph"):
            # "a visit to China by Cameron": the place visited is where the visit was
            spans = [(p.start or 0, p.end or 0) for p in shown_targets]
            seen = {s.id: s for s in (self.places_by_span.get(k) for k in spans) if s is not None}
            if len(seen) == 1:
                visited = next(iter(seen.values()))
                location, place_reason = visited.id, "target"
                place_precision = event_places.precision_of(visited)
        if cand.type == "ASSAULT" and shown_sources:
            # "troops shelled the town of Rastan": with a named doer the town is where, not
            # whom; with no party named at all it stays the target, as PLOVER coders do
            shown_targets = [p for p in shown_targets if not self.place_only(p)]
        event = Event(
            id=self.ctx.new_id("ev"),
            type=cand.type,
            mode=mode,
            quad=self.types[cand.type].quad,
            intensity=intensity(cand.type, mode),
            source=shown_sources,
            source_reason=source_reason,
            target=shown_targets,
            date=date,
            date_precision=precision,
            time=time_id,
            location=location,
            place_precision=place_precision,
            place_reason=place_reason,
            site=None if named_site is None else self.ctx.of(named_site),
            figures=figures,
            modality=cand.modality,
            attribution=self.attribution(start),
            trigger=Span(start=start, end=end, text=self.ctx.text[start:end]),
            sentence=self.ctx.of(sent),
        )
        event_confidence.annotate(self, event, cand, sent)
        self.events.append(event)
        if event.location and place_reason in ("clause", "anaphora", "target"):
            self.scene.setdefault(index, []).append((event.type, event.location))
        if not sources and fr.subordinate(cand.anchor):
            self.context.add(event.id)
        self.by_anchor.setdefault(cand.anchor.i, event)
        self.by_anchor.setdefault(cand.trigger.i, event)

    def quoted_habit(self, cand: EventCandidate, figures: list[Any], sent: SpacySpan) -> bool:
        """An attack or a coercion told in the simple present inside a quotation, with
        no figure and no time ('"They attack us, we don't attack them," he said'): the
        speaker's view of what goes on, not a reported happening."""
        tok = cand.trigger
        if cand.type not in ("ASSAULT", "COERCE") or cand.nominal or figures:
            return False
        if tok.tag_ not in ("VBP", "VBZ") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ != "VBZ" and c.tag_ != "VBP"
            for c in tok.children
        ):
            return False
        if any(self.times.get(t.i) is not None for t in sent):
            return False
        if any(
            q.start <= tok.idx < q.end and not q.partial for q in self.ctx.results.get("quotes", [])
        ):
            return True
        # a quotation run over several lines ("... We don't attack them. / They attack
        # us," he said.): an odd number of marks before the trigger, or none before and
        # a closing one after it
        head = self.ctx.text[sent.start_char : tok.idx]
        tail = self.ctx.text[tok.idx : sent.end_char]
        before = sum(head.count(m) for m in '"“”')
        return before % 2 == 1 or (before == 0 and any(m in tail for m in '"”'))

    def beyond_dateline(
        self,
        cand: EventCandidate,
        sources: list[EventParticipant],
        placed: tuple[str | None, str | None, str | None],
    ) -> tuple[str | None, str | None, str | None]:
        """A dateline says where the reporter is. It does not place what a government of
        another country says or decides ("Cameron urged ..." under a Cairo dateline),
        and the story's own country's act told from abroad ("Assad's crackdown" under an
        Ankara dateline) is placed in that country."""
        line = self.places_by_id.get(placed[0] or "")
        if line is None:
            return placed
        states = {
            p.country
            for p in sources
            if p.country and (p.sector in STATE_SECTORS or fr.country_of(p.name))
        }
        if line.country in states or len(states) > 1:
            return placed
        forces = any(p.sector in STATE_SECTORS for p in sources)
        home_act = states == {self.home} or (
            not states and forces and self.home_in_lead and line.country != self.home
        )
        if cand.type in SCENE_TYPES and home_act and self.home is not None:
            # "Assad's forces arrested hundreds", told under an Ankara dateline
            here = event_places.home_country(self.ctx.results.get("places", []), self.home)
            return (here.id, "country", "country") if here is not None else (None, None, None)
        if states and cand.type not in SCENE_TYPES and cand.mode != "visit":
            return None, None, None
        return placed

    def scene_verbs(self, cand: EventCandidate) -> list[Token]:
        """The verbs of relative clauses on the happening an act was done in ("killed
        four civilians in demonstrations that erupted in Deraa"), and the meeting or
        journey an act's "to" clause is the purpose of ("met his counterpart in Munich to
        press his plan"): their place is the act's."""
        out: list[Token] = []
        head = cand.anchor.head
        if (
            cand.anchor.dep_ == "advcl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in cand.anchor.children)
            and head.lemma_.lower() in PURPOSE_HOSTS
        ):
            out.append(head)
        for prep in cand.anchor.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "at"):
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or not self.names_happening(noun):
                    continue
                for rel in noun.children:
                    if rel.dep_ in ("relcl", "acl") and rel.pos_ == "VERB":
                        out.append(rel)
        return out

    def finer_than(
        self, found: Place, location: str | None, reason: str | None, weaker: frozenset[str]
    ) -> bool:
        """``found`` replaces the event's place: there is none, it is ``found``'s own
        country, or it came by one of the ``weaker`` reasons."""
        here = self.places_by_id.get(location or "")
        return (
            here is None
            or (here.feature == "country" and here.country == found.country)
            or reason in weaker
        )

    def own_country(
        self, cand: EventCandidate, sources: list[EventParticipant], sent: SpacySpan
    ) -> Place | None:
        """The country of the police, security service or court that did a domestic act
        (``DOMESTIC_ACTS``: arrests, bans, curfews, convictions, crowd control) told with
        no place, when the sentence names no place and no people but that country's and
        the story names the country."""
        if (cand.type, cand.mode) not in DOMESTIC_ACTS or cand.modality != "asserted":
            return None
        countries = {p.country for p in sources if p.sector in DOMESTIC_SECTORS and p.country}
        if len(countries) != 1 or any(p.sector not in DOMESTIC_SECTORS for p in sources):
            return None
        country = next(iter(countries))
        for tok in sent:
            place = self.places.get(tok.i)
            named = place.country if place is not None else event_places.people_of(tok)
            if place is not None and place.feature != "country":
                return None
            if named is not None and named != country:
                return None
        return event_places.home_country(self.ctx.results.get("places", []), country)

    def cause_town(self, cand: EventCandidate) -> Place | None:
        """ "50 died when soldiers stormed Deir al-Zour": a death told with its cause is
        placed in the one town the cause clause attacks."""
        if cand.trigger.lemma_.lower() not in self.lex.death_verbs:
            return None
        towns = {
            place.id: place
            for clause in cand.anchor.children
            if clause.dep_ == "advcl"
            for t in clause.subtree
            if t.dep_ in ("dobj", "pobj")
            and (place := self.places.get(t.i)) is not None
            and place.feature == "city"
        }
        return next(iter(towns.values())) if len(towns) == 1 else None

    def attacked_town(self, cand: EventCandidate) -> Place | None:
        """ "launched an attack on the town of Deraa": the one town an attack noun is
        aimed at ("on"/"against"), named or as "the town of X"."""
        from flashpoint.extractors.events.setting import ATTACK_NOUNS

        noun = cand.trigger
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ATTACK_NOUNS:
            return None
        objects = [o for prep in ("on", "against") for o in fr.objects(noun, prep)]
        objects += [c for o in objects for c in o.conjuncts]  # "on Homs and Hama": two
        objects += [n for o in objects for n in fr.objects(o, "of")]  # "the town of X"
        towns = {
            place.id: place
            for o in objects
            if (place := self.places.get(o.i)) is not None and place.feature == "city"
        }
        return next(iter(towns.values())) if len(towns) == 1 else None

    def carried(self, cand: EventCandidate, sent: SpacySpan, index: int) -> Any:
        """The place of the scene the event carries on (``places.carried_place``): an
        event of its type in the sentence before, for any act; the sentences before or
        the lead, for a material act told as going on with the scene (a statement
        happens where it is made, not where the last event did)."""
        if not self.same_scene(cand, sent):
            return None
        material = cand.type in SCENE_TYPES and self.continues_paragraph(cand, sent)
        return event_places.carried_place(
            self.places,
            self.ctx.sentences,
            index,
            self.scene,
            self.places_by_id,
            cand.type,
            material,
            self.lead_index,
            self.home,
            self.ctx.text,
        )

    def names_means(self, name: str) -> bool:
        """The party's name is an armed means only ("the helicopter", "a military
        aircraft"): a vehicle, which may have crashed rather than attacked."""
        words = {w.rstrip("s") for w in name.lower().split()}
        return bool(words & self.lex.armed_means)

    def accidental(self, cand: EventCandidate) -> bool:
        """An explosion ("explosions tore through the depot", "the blasts killed 50")
        in a story that names no attack, bomb or attacker: maybe an accident."""
        tok = cand.trigger
        nouns = [tok] if cand.nominal else [c for c in tok.children if c.dep_ == "nsubj"]
        words = self.lex.accident_nouns
        return any(n.lemma_.lower() in words for n in nouns) and not self.attack_story()

    def continues_paragraph(self, cand: EventCandidate, sent: SpacySpan) -> bool:
        """The event goes on with the scene the sentences before set: an asserted act
        told in the sentence's own clause (a verb, or a coded event noun: "Friday's
        protests"), not in a quotation, in a sentence that gives no year or month of
        its own ("In 2012, she was sentenced" opens another scene; "on Saturday" does
        not)."""
        if not self.same_scene(cand, sent) or fr.subordinate(cand.anchor):
            return False
        if cand.nominal:
            return True
        verb = fr.top_of_chain(cand.anchor)
        if any(c.dep_ == "aux" and c.lower_ in PERFECT for c in verb.children):
            return False  # "troops have killed 1,400 since March": a toll, not a scene
        return cand.trigger.tag_ in ("VBD", "VBN", "VBZ", "VBP")

    def same_scene(self, cand: EventCandidate, sent: SpacySpan) -> bool:
        """Asserted, not background, not a quotation, no year or month of its own."""
        if cand.modality != "asserted" or cand.background:
            return False
        if sent.text.lstrip()[:1] in "\"“‘'":
            return False
        for tok in sent:
            item = self.times.get(tok.i)
            if item is not None and item.type == "date" and item.value and len(item.value) < 10:
                return False  # a year, a month, a week: another scene
        return True

    def off_politics(self, parties: list[EventParticipant], sent: SpacySpan) -> bool:
        """A sentence about a game or about trade, or a line of a review, with no government
        among the parties ("authorities jailed 52 men for playing in a football tournament"
        stays)."""
        if not (fr.sport(sent) or fr.business(sent) or self.sport_story or self.arts_story):
            return False
        return not any(
            (p.actor and getattr(self.actors.get(p.actor), "kind", None) == "country")
            or p.sector in STATE_SECTORS
            for p in parties
        )

    def bare_blast(self, cand: EventCandidate, scope: list[Token]) -> bool:
        """ "A bomb exploded in a market in Kano", "protests were held in Dhaka": an
        explosion or a protest at a named place is an event before anyone is named."""
        placed = any(
            t.i in self.places or event_places.unknown_place(t, self.places) for t in scope
        )
        if cand.nominal and cand.type == "ASSAULT" and self.harmed(cand):
            return True  # "a Friday blast which injured several people": harm was done
        if cand.type == "ASSAULT" and cand.modality == "asserted":
            if cand.mode == "explosives" and not cand.nominal:
                return True  # "as each bomb exploded": the verb needs a bomb to code
            if cand.nominal and self.own_setting(cand) and self.has_verb(cand.trigger):
                return True  # "Saturday's attack in London", "the Manchester bombing"
        if cand.nominal and cand.type == "PROTEST" and happened(cand.trigger, self.lex):
            return True  # "protests erupted across the country", "sparked demonstrations"
        return placed and (cand.mode == "explosives" or (cand.nominal and cand.type == "PROTEST"))

    def has_verb(self, tok: Token) -> bool:
        """The sentence has a verb: a list entry or a caption ("* 2007 Kabul bombing")
        names an event, it does not report one."""
        return any(t.pos_ in ("VERB", "AUX") for t in self.ctx.sentence_at(tok.idx))

    def anchored_noun(self, cand: EventCandidate, targets: list[EventParticipant]) -> bool:
        """An event noun is coded when the sentence reports it happening: it is the
        object of a light or participation verb, or has its own doer ("by"), target,
        figures, time or place."""
        tok = cand.trigger
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if vlemma(verb) in self.lex.light_verbs | self.lex.participation_verbs:
            return True
        if happened(tok, self.lex):
            return True
        if targets or fr.objects(tok, "by") or cand.modality == "hypothetical":
            return True
        if self.harmed(cand):
            return True  # "the blast shattered windows", "were hurt in the explosion"
        if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in tok.children):
            return True  # "a rally attended by thousands"
        subtree = list(tok.subtree)
        if any(t.i in self.times for t in subtree) or self.location(subtree, cand):
            return True
        return bool(self.figures(subtree))

    def consume_content(self, verb: Token) -> None:
        """What is demanded, rejected, threatened or promised is not itself an event."""
        for child in verb.children:
            if child.dep_ in ("dobj", "ccomp", "xcomp") or (
                child.dep_ == "prep" and child.lower_ in ("for", "on")
            ):
                # a relative clause inside still reports a fact ("the police who killed")
                inner = {t.i for r in child.subtree if r.dep_ == "relcl" for t in r.subtree}
                self.consumed.update(t.i for t in child.subtree if t.i not in inner)

    def attribution(self, char: int) -> str | None:
        for start, end, ident in self.reported:
            if start <= char < end:
                return ident
        return None
