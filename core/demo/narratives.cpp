#include "core/demo/narratives.hpp"

#include <algorithm>
#include <cassert>

namespace casechain::core::demo {
namespace {

using enum language;
using enum item;

// The cue phrase table: every sentence the generator writes about an
// instrument item. The triage issue builds its narrative cue lexicon against
// this table, so change both together. Cues, per item (positive | negated):
//   injury            nl "zichtbare verwondingen", "raakte gewond", "blauwe plekken" | "geen zichtbare verwondingen"
//                     fr "blessures visibles", "a été blessé(e)", "hématomes"        | "Pas de blessures visibles"
//                     en "visible injuries", "was injured", "bruises"                | "No visible injuries"
//   strangulation     nl "heeft haar/hem gewurgd", "bij de keel"   | "ontkent haar/hem te hebben gewurgd"
//                     fr "l'a étranglé(e)", "à la gorge"           | "nie l'avoir étranglé(e)"
//                     en "strangled her/him", "by the throat"      | "denies strangling her/him"
//   weapon            nl "met een mes", "Er werd een wapen gebruikt" | "Er werd geen wapen gebruikt"
//                     fr "avec un couteau", "Une arme a été utilisée" | "Pas d'arme utilisée"
//                     en "with a knife", "A weapon was used"          | "No weapon was used"
//   threats_to_kill   nl "te vermoorden", "zou doodmaken" | "geen doodsbedreigingen"
//                     fr "de la/le tuer", "allait la/le tuer" | "Aucune menace de mort"
//                     en "threatened to kill", "would kill" | "No death threats"
//   victim_fear       nl "erg bang", "vreest voor haar/zijn leven" | "zegt niet bang te zijn"
//                     fr "avoir très peur", "craint pour sa vie"   | "dit ne pas avoir peur"
//                     en "very afraid", "fears for her/his life"   | "is not afraid"
//   recent_separation nl "onlangs uit elkaar"  fr "séparés récemment"  en "recently separated"
//   pregnancy         nl "zwanger"  fr "enceinte"  en "pregnant"
//   escalation        nl "wordt de laatste weken erger"  fr "s'aggravent"  en "getting worse"
//   stalking          nl "volgt haar/hem overal" | "geen sprake van belaging"
//                     fr "suit partout", "harcèle" | "Pas de harcèlement"
//                     en "follows her/him everywhere" | "No stalking"
//   coercive_control  nl "controleert haar/zijn gsm"  fr "contrôle son téléphone"  en "checks her/his phone"
//   children_present  nl "kinderen waren aanwezig", "getuige"  | "kinderen waren niet aanwezig"
//                     fr "enfants étaient présents", "assisté" | "enfants n'étaient pas présents"
//                     en "children were present", "witnessed"  | "children were not present"
//   substance_abuse   nl "onder invloed van alcohol" | "niet onder invloed"
//                     fr "sous l'influence de l'alcool" | "n'était pas sous influence"
//                     en "under the influence of alcohol" | "not under the influence"
//   prior_violence    nl "al eerder feiten van geweld" | "geen eerdere feiten"
//                     fr "déjà eu lieu auparavant"     | "Aucun fait de violence antérieur"
//                     en "earlier incidents of violence" | "No prior incidents"
//   order_breach      nl "huisverbod geschonden"  fr "enfreint l'interdiction de résidence"  en "breached the restraining order"
//   suicide_threats   nl "dreigde met zelfmoord"  fr "menacé de se suicider"  en "threatened suicide"
//   housing_problems  nl "uit de woning gezet"  fr "expulsée de son logement"  en "risk of eviction"
//   debts             nl "grote schulden"  fr "lourdes dettes"  en "large debts"
//   addiction         nl "verslavingsprobleem"  fr "problème d'assuétude"  en "addiction problem"
//   mental_health     nl "psychische problemen"  fr "problèmes psychiques"  en "mental health problems"
//   conflictual_divorce nl "conflictueuze echtscheiding"  fr "divorce conflictuelle"  en "conflictual divorce"
//   agencies_involved nl "gekend bij het CAW"  fr "suivie par le CPAS"  en "known to social services"
// Positive sentences contain no negation word (geen, niet, pas, ne, no, not),
// so that a negation-aware matcher does not read them as denials.
constexpr cue_phrase phrases[] = {
    // injury
    {injury, nl, false, "{V} heeft zichtbare verwondingen aan het gezicht en de armen."},
    {injury, nl, false, "{V} raakte gewond en heeft blauwe plekken."},
    {injury, fr, false, "{V} présente des blessures visibles au visage et aux bras."},
    {injury, fr, false, "{V} a été blessé{e} et présente des hématomes."},
    {injury, en, false, "{V} has visible injuries to the face and arms."},
    {injury, en, false, "{V} was injured and has bruises."},
    {injury, nl, true, "{V} heeft geen zichtbare verwondingen."},
    {injury, fr, true, "Pas de blessures visibles."},
    {injury, en, true, "No visible injuries."},
    // strangulation
    {strangulation, nl, false, "{S} heeft {o} gewurgd."},
    {strangulation, nl, false, "{S} greep {o} bij de keel."},
    {strangulation, fr, false, "{S} l'a étranglé{e}."},
    {strangulation, fr, false, "{S} l'a saisi{e} à la gorge."},
    {strangulation, en, false, "{S} strangled {o}."},
    {strangulation, en, false, "{S} grabbed {o} by the throat."},
    {strangulation, nl, true, "{S} ontkent {o} te hebben gewurgd."},
    {strangulation, fr, true, "{S} nie l'avoir étranglé{e}."},
    {strangulation, en, true, "{S} denies strangling {o}."},
    // weapon
    {weapon, nl, false, "{S} bedreigde {o} met een mes."},
    {weapon, nl, false, "Er werd een wapen gebruikt."},
    {weapon, fr, false, "{S} l'a menacé{e} avec un couteau."},
    {weapon, fr, false, "Une arme a été utilisée."},
    {weapon, en, false, "{S} threatened {o} with a knife."},
    {weapon, en, false, "A weapon was used."},
    {weapon, nl, true, "Er werd geen wapen gebruikt."},
    {weapon, fr, true, "Pas d'arme utilisée."},
    {weapon, en, true, "No weapon was used."},
    // threats_to_kill
    {threats_to_kill, nl, false, "{S} dreigde {o} te vermoorden."},
    {threats_to_kill, nl, false, "{S} zei dat {s} {o} zou doodmaken."},
    {threats_to_kill, fr, false, "{S} a menacé de {o} tuer."},
    {threats_to_kill, fr, false, "{S} a dit qu'{s} allait {o} tuer."},
    {threats_to_kill, en, false, "{S} threatened to kill {o}."},
    {threats_to_kill, en, false, "{S} said {s} would kill {o}."},
    {threats_to_kill, nl, true, "Er werden geen doodsbedreigingen geuit."},
    {threats_to_kill, fr, true, "Aucune menace de mort n'a été proférée."},
    {threats_to_kill, en, true, "No death threats were made."},
    // victim_fear
    {victim_fear, nl, false, "{V} is erg bang."},
    {victim_fear, nl, false, "{V} vreest voor {p} leven."},
    {victim_fear, fr, false, "{V} dit avoir très peur."},
    {victim_fear, fr, false, "{V} craint pour sa vie."},
    {victim_fear, en, false, "{V} is very afraid."},
    {victim_fear, en, false, "{V} fears for {p} life."},
    {victim_fear, nl, true, "{V} zegt niet bang te zijn."},
    {victim_fear, fr, true, "{V} dit ne pas avoir peur."},
    {victim_fear, en, true, "{V} says {v} is not afraid."},
    // recent_separation
    {recent_separation, nl, false, "Ze zijn onlangs uit elkaar gegaan."},
    {recent_separation, fr, false, "Ils se sont séparés récemment."},
    {recent_separation, en, false, "They recently separated."},
    // pregnancy
    {pregnancy, nl, false, "{V} is zwanger."},
    {pregnancy, fr, false, "{V} est enceinte."},
    {pregnancy, en, false, "{V} is pregnant."},
    // escalation
    {escalation, nl, false, "Het geweld wordt de laatste weken erger."},
    {escalation, fr, false, "Les violences s'aggravent depuis quelques semaines."},
    {escalation, en, false, "The violence has been getting worse in recent weeks."},
    // stalking
    {stalking, nl, false, "{S} volgt {o} overal en wacht {o} op aan de deur."},
    {stalking, fr, false, "{S} {o} suit partout et {o} harcèle."},
    {stalking, en, false, "{S} follows {o} everywhere and waits at {p} door."},
    {stalking, nl, true, "Er is geen sprake van belaging."},
    {stalking, fr, true, "Pas de harcèlement signalé."},
    {stalking, en, true, "No stalking was reported."},
    // coercive_control
    {coercive_control, nl, false, "{S} controleert {p} gsm en bepaalt met wie {v} omgaat."},
    {coercive_control, fr, false, "{S} contrôle son téléphone et décide qui {v} peut voir."},
    {coercive_control, en, false, "{S} checks {p} phone and decides who {v} may see."},
    // children_present
    {children_present, nl, false, "De kinderen waren aanwezig tijdens de feiten."},
    {children_present, nl, false, "De kinderen waren getuige van de feiten."},
    {children_present, fr, false, "Les enfants étaient présents lors des faits."},
    {children_present, fr, false, "Les enfants ont assisté aux faits."},
    {children_present, en, false, "The children were present during the incident."},
    {children_present, en, false, "The children witnessed the incident."},
    {children_present, nl, true, "De kinderen waren niet aanwezig."},
    {children_present, fr, true, "Les enfants n'étaient pas présents."},
    {children_present, en, true, "The children were not present."},
    // substance_abuse
    {substance_abuse, nl, false, "{S} was onder invloed van alcohol."},
    {substance_abuse, fr, false, "{S} était sous l'influence de l'alcool."},
    {substance_abuse, en, false, "{S} was under the influence of alcohol."},
    {substance_abuse, nl, true, "{S} was niet onder invloed."},
    {substance_abuse, fr, true, "{S} n'était pas sous influence."},
    {substance_abuse, en, true, "{S} was not under the influence."},
    // prior_violence
    {prior_violence, nl, false, "Er waren al eerder feiten van geweld."},
    {prior_violence, fr, false, "Des faits de violence ont déjà eu lieu auparavant."},
    {prior_violence, en, false, "There have been earlier incidents of violence."},
    {prior_violence, nl, true, "Er zijn geen eerdere feiten gekend."},
    {prior_violence, fr, true, "Aucun fait de violence antérieur connu."},
    {prior_violence, en, true, "No prior incidents are known."},
    // order_breach
    {order_breach, nl, false, "{S} heeft het huisverbod geschonden."},
    {order_breach, fr, false, "{S} a enfreint l'interdiction de résidence."},
    {order_breach, en, false, "{S} breached the restraining order."},
    // suicide_threats
    {suicide_threats, nl, false, "{S} dreigde met zelfmoord."},
    {suicide_threats, fr, false, "{S} a menacé de se suicider."},
    {suicide_threats, en, false, "{S} threatened suicide."},
    // housing_problems
    {housing_problems, nl, false, "Het gezin dreigt uit de woning gezet te worden."},
    {housing_problems, fr, false, "La famille risque d'être expulsée de son logement."},
    {housing_problems, en, false, "The family is at risk of eviction."},
    // debts
    {debts, nl, false, "Er zijn grote schulden."},
    {debts, fr, false, "Le ménage a de lourdes dettes."},
    {debts, en, false, "The household has large debts."},
    // addiction
    {addiction, nl, false, "Er is een verslavingsprobleem in het gezin."},
    {addiction, fr, false, "Il y a un problème d'assuétude dans la famille."},
    {addiction, en, false, "There is an addiction problem in the family."},
    // mental_health
    {mental_health, nl, false, "{S} heeft psychische problemen."},
    {mental_health, fr, false, "{S} souffre de problèmes psychiques."},
    {mental_health, en, false, "{S} has mental health problems."},
    // conflictual_divorce
    {conflictual_divorce, nl, false, "Er loopt een conflictueuze echtscheiding."},
    {conflictual_divorce, fr, false, "Une procédure de divorce conflictuelle est en cours."},
    {conflictual_divorce, en, false, "A conflictual divorce is ongoing."},
    // agencies_involved
    {agencies_involved, nl, false, "Het gezin is al gekend bij het CAW."},
    {agencies_involved, fr, false, "La famille est déjà suivie par le CPAS."},
    {agencies_involved, en, false, "The family is already known to social services."},
};

// Sentences that are not about an item: openings ({r} is the suspect as the
// victim's relation, "haar ex-partner"), kinds of violence, measures.
constexpr std::string_view openings[3][4] = {
    {"Het slachtoffer meldt geweld door {r}.", "Het slachtoffer kwam aangifte doen tegen {r}.",
     "De politie kwam ter plaatse na een oproep van de buren.", "Het slachtoffer belde 101 na een conflict met {r}."},
    {"La victime signale des violences de la part de {r}.", "La victime a porté plainte contre {r}.",
     "La police est intervenue après un appel des voisins.", "La victime a appelé le 101 après un conflit avec {r}."},
    {"The victim reports violence by {r}.", "The victim filed a complaint against {r}.",
     "Police attended after a call from the neighbours.", "The victim called 101 after a conflict with {r}."},
};

// Per language, per relationship (enum order), suspect male then female.
constexpr std::string_view relations[3][7][2] = {
    {{"{p} partner", "{p} partner"}, {"{p} ex-partner", "{p} ex-partner"}, {"{p} vader", "{p} moeder"},
     {"{p} zoon", "{p} dochter"}, {"{p} broer", "{p} zus"}, {"een familielid", "een familielid"},
     {"een huisgenoot", "een huisgenote"}},
    {{"son compagnon", "sa compagne"}, {"son ex-compagnon", "son ex-compagne"}, {"son père", "sa mère"},
     {"son fils", "sa fille"}, {"son frère", "sa sœur"}, {"un membre de sa famille", "un membre de sa famille"},
     {"un colocataire", "une colocataire"}},
    {{"{p} partner", "{p} partner"}, {"{p} ex-partner", "{p} ex-partner"}, {"{p} father", "{p} mother"},
     {"{p} son", "{p} daughter"}, {"{p} brother", "{p} sister"}, {"a relative", "a relative"},
     {"a housemate", "a housemate"}},
};

enum class kind : std::uint8_t { physical, psychological, sexual, economic, threats };
constexpr std::string_view kind_sentences[3][5] = {
    {"{S} heeft {o} geslagen.", "{S} scheldt {o} voortdurend uit.", "{V} werd gedwongen tot seksuele handelingen.",
     "{S} houdt {p} geld en bankkaart achter.", "{S} heeft {o} bedreigd."},
    {"{S} l'a frappé{e}.", "{S} l'insulte et l'humilie sans cesse.", "{V} a été contraint{e} à des actes sexuels.",
     "{S} lui confisque son argent et sa carte bancaire.", "{S} l'a menacé{e}."},
    {"{S} hit {o}.", "{S} constantly insults and humiliates {o}.", "{V} was forced into sexual acts.",
     "{S} withholds {p} money and bank card.", "{S} threatened {o}."},
};
constexpr std::string_view argument_sentence[3] = {
    "Er was een hevige woordenwisseling.", "Il y a eu une violente dispute verbale.",
    "There was a heated verbal argument."};
constexpr std::string_view order_sentence[3] = {
    "Er werd een tijdelijk huisverbod opgelegd.", "Une interdiction temporaire de résidence a été prononcée.",
    "A temporary restraining order was imposed."};
constexpr std::string_view red_file_sentence[3] = {
    "Het parket opende een rood dossier.", "Le parquet a ouvert un dossier rouge.",
    "The prosecutor opened a red file."};
constexpr std::string_view arrest_sentence[3] = {
    "{S} werd gearresteerd.", "{S} a été arrêté{x}.", "{S} was arrested."};

constexpr std::size_t lang_index(language l) { return static_cast<std::size_t>(l); }

std::string_view subject(language l, bool female) {
  switch (l) {
    case nl: return female ? "zij" : "hij";
    case fr: return female ? "elle" : "il";
    case en: return female ? "she" : "he";
  }
  return {};
}

void append_capitalised(std::string& out, std::string_view word) {
  // Pronouns start with an ASCII letter.
  out += static_cast<char>(word.front() - 'a' + 'A');
  out.append(word.substr(1));
}

// A body sentence: an item phrase (index into `phrases`) or a kind sentence.
struct body_choice {
  bool is_item;
  std::size_t index;
};

// The phrase of `it` in `lang`: the first or second variant, chosen by `pick`.
const cue_phrase* find_phrase(item it, language lang, bool negated, std::uint32_t pick) {
  const cue_phrase* first = nullptr;
  std::uint32_t count = 0;
  for (const auto& p : phrases) {
    if (p.item != it || p.language != lang || p.negated != negated) continue;
    if (!first) first = &p;
    if (count == pick) return &p;
    ++count;
  }
  return first;
}

// Appends a template and then a space (sentences are joined by single spaces).
void append_sentence(std::string& out, std::string_view text, const narrative_voice& voice,
                     std::string_view relation = {}) {
  if (!out.empty()) out += ' ';
  // {r} expands to a relation template, itself with placeholders.
  std::size_t start = 0;
  for (;;) {
    auto at = text.find("{r}", start);
    if (at == std::string_view::npos) break;
    append_phrase(out, text.substr(start, at - start), voice);
    append_phrase(out, relation, voice);
    start = at + 3;
  }
  append_phrase(out, text.substr(start), voice);
}

}  // namespace

std::span<const cue_phrase> cue_phrases() { return phrases; }

void append_phrase(std::string& out, std::string_view text, const narrative_voice& voice) {
  const auto l = voice.language;
  std::size_t i = 0;
  while (i < text.size()) {
    auto open = text.find('{', i);
    if (open == std::string_view::npos || open + 2 >= text.size() || text[open + 2] != '}') {
      out.append(text.substr(i));
      return;
    }
    out.append(text.substr(i, open - i));
    const char code = text[open + 1];
    switch (code) {
      case 'S': append_capitalised(out, subject(l, voice.suspect_female)); break;
      case 's': out.append(subject(l, voice.suspect_female)); break;
      case 'V': append_capitalised(out, subject(l, voice.victim_female)); break;
      case 'v': out.append(subject(l, voice.victim_female)); break;
      case 'o':
        out.append(l == nl ? (voice.victim_female ? "haar" : "hem")
                   : l == fr ? (voice.victim_female ? "la" : "le")
                             : (voice.victim_female ? "her" : "him"));
        break;
      case 'p':
        out.append(l == nl ? (voice.victim_female ? "haar" : "zijn")
                   : l == fr ? (voice.victim_female ? "sa" : "son")
                             : (voice.victim_female ? "her" : "his"));
        break;
      case 'e': if (voice.victim_female) out += 'e'; break;
      case 'x': if (voice.suspect_female) out += 'e'; break;
      default: out.append(text.substr(open, 3)); break;
    }
    i = open + 3;
  }
}

void write_narrative(std::string& out, const narrative_facts& facts, bool negate, rng& random) {
  out.clear();
  const auto& voice = facts.voice;
  const auto li = lang_index(voice.language);
  const auto value = [&](item it) { return facts.items[static_cast<std::size_t>(it)]; };

  // Measures: at most one sentence, most often about the strongest measure.
  std::string_view measure;
  if (facts.restraining_order && random.chance(0.8)) measure = order_sentence[li];
  else if (facts.red_file && random.chance(0.8)) measure = red_file_sentence[li];
  else if (facts.arrest && random.chance(0.5)) measure = arrest_sentence[li];

  // A denial: only of an item that is no, and of the children's presence
  // only when there are children.
  const cue_phrase* denial = nullptr;
  if (negate) {
    std::array<const cue_phrase*, item_count> deniable{};
    std::size_t n = 0;
    for (const auto& p : phrases) {
      if (!p.negated || p.language != voice.language || value(p.item) != tri_state::no) continue;
      if (p.item == children_present && !facts.has_children) continue;
      deniable[n++] = &p;
    }
    if (n > 0) denial = deniable[random.index(n)];
  }

  // The body: items that are yes and kinds of violence, in random order.
  std::array<body_choice, item_count + 5> candidates{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < item_count; ++i)
    if (facts.items[i] == tri_state::yes) candidates[n++] = {true, i};
  const auto& v = facts.violence;
  if (v.physical) candidates[n++] = {false, static_cast<std::size_t>(kind::physical)};
  if (v.psychological) candidates[n++] = {false, static_cast<std::size_t>(kind::psychological)};
  if (v.sexual) candidates[n++] = {false, static_cast<std::size_t>(kind::sexual)};
  if (v.economic) candidates[n++] = {false, static_cast<std::size_t>(kind::economic)};
  if (v.threats) candidates[n++] = {false, static_cast<std::size_t>(kind::threats)};
  for (std::size_t i = n; i > 1; --i) std::swap(candidates[i - 1], candidates[random.index(i)]);

  const int fixed = 1 + (measure.empty() ? 0 : 1) + (denial ? 1 : 0);
  const int budget = random.between(2, 5);
  int body = std::max(1, std::min({budget - fixed, 3, static_cast<int>(n)}));
  assert(fixed + body >= 2 && fixed + body <= 5);

  const auto rel = static_cast<std::size_t>(facts.relationship);
  const auto relation = relations[li][rel][voice.suspect_female ? 1 : 0];
  append_sentence(out, openings[li][random.index(4)], voice, relation);
  if (n == 0) {
    append_sentence(out, argument_sentence[li], voice);
  } else {
    for (int i = 0; i < body; ++i) {
      const auto& c = candidates[static_cast<std::size_t>(i)];
      if (c.is_item) {
        const auto* p = find_phrase(static_cast<item>(c.index), voice.language, false, random.below(2));
        append_sentence(out, p->text, voice);
      } else {
        append_sentence(out, kind_sentences[li][c.index], voice);
      }
    }
  }
  if (denial) append_sentence(out, denial->text, voice);
  if (!measure.empty()) append_sentence(out, measure, voice);
}

}  // namespace casechain::core::demo
