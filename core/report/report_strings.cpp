#include "core/report/report_strings.hpp"

namespace casechain::core::report {
namespace {

constexpr report_strings english{
    "en", "Quarterly report of the chain", "Period", "Figures as of", "<5: fewer than 5 families; not shown.",
    "Reports", "Reports received", "Track", "Instrument's proposal", "Team's decision", "none", "undecided", "all",
    "Time to act", "From report to triage decision", "From triage decision to first contact", "Measured", "Median",
    "90th percentile", "Within the clock", "h",
    "Cases", "Opened", "Reopened", "Closed", "Open cases per step", "Step", "Total",
    "Overdue work", "Clock", "Late items", "Nothing is late.",
    "Partners and round tables", "Cases active in the period", "Partners admitted", "Cases with this many partners",
    "Round tables held",
    "Interventions by organisation and status", "Organisation", "Planned", "In progress", "Done", "Cancelled",
    "Caseload", "Case managers with open cases", "Open cases without a case manager",
    "Repeat reports within 12 months", "After a case's closure", "After a track-1 help offer", "Moments",
    "12 months passed", "Followed by a report",
    "Signals and protective factors: plan start and closure", "Factor", "Cases", "Plan start (sum)",
    "Closure (sum)", "Lower", "Same", "Higher"};

constexpr report_strings dutch{
    "nl", "Kwartaalrapport van de keten", "Periode", "Cijfers op", "<5: minder dan 5 gezinnen; niet getoond.",
    "Meldingen", "Ontvangen meldingen", "Spoor", "Voorstel van het instrument", "Beslissing van het team", "geen",
    "nog niet beslist", "alle",
    "Tijd tot actie", "Van melding tot triagebeslissing", "Van triagebeslissing tot eerste contact", "Gemeten",
    "Mediaan", "90ste percentiel", "Binnen de termijn", "u",
    "Dossiers", "Geopend", "Heropend", "Afgesloten", "Open dossiers per stap", "Stap", "Totaal",
    "Achterstallig werk", "Termijn", "Te laat", "Niets is te laat.",
    "Partners en rondetafels", "Actieve dossiers in de periode", "Toegelaten partners", "Dossiers met zoveel partners",
    "Gehouden rondetafels",
    "Interventies per organisatie en status", "Organisatie", "Gepland", "Lopend", "Afgerond", "Geannuleerd",
    "Caseload", "Casusregisseurs met open dossiers", "Open dossiers zonder casusregisseur",
    "Nieuwe meldingen binnen 12 maanden", "Na afsluiting van een dossier", "Na een hulpaanbod in spoor 1", "Momenten",
    "12 maanden verstreken", "Gevolgd door een melding",
    "Signalen en beschermende factoren: start plan en afsluiting", "Factor", "Dossiers", "Start plan (som)",
    "Afsluiting (som)", "Lager", "Gelijk", "Hoger"};

constexpr report_strings french{
    "fr", "Rapport trimestriel de la chaîne", "Période", "Chiffres au", "<5 : moins de 5 familles ; non affiché.",
    "Signalements", "Signalements reçus", "Filière", "Proposition de l'instrument", "Décision de l'équipe", "aucune",
    "non décidé", "toutes",
    "Délais d'action", "Du signalement à la décision de triage", "De la décision de triage au premier contact",
    "Mesurés", "Médiane", "90e percentile", "Dans le délai", "h",
    "Dossiers", "Ouverts", "Rouverts", "Clôturés", "Dossiers ouverts par étape", "Étape", "Total",
    "Travail en retard", "Délai", "En retard", "Rien n'est en retard.",
    "Partenaires et tables rondes", "Dossiers actifs sur la période", "Partenaires admis",
    "Dossiers avec ce nombre de partenaires", "Tables rondes tenues",
    "Interventions par organisation et statut", "Organisation", "Prévues", "En cours", "Terminées", "Annulées",
    "Charge de travail", "Gestionnaires de cas avec des dossiers ouverts", "Dossiers ouverts sans gestionnaire",
    "Nouveaux signalements dans les 12 mois", "Après la clôture d'un dossier", "Après une offre d'aide en filière 1",
    "Moments", "12 mois écoulés", "Suivis d'un signalement",
    "Signaux et facteurs de protection : début du plan et clôture", "Facteur", "Dossiers", "Début du plan (somme)",
    "Clôture (somme)", "Plus bas", "Égal", "Plus haut"};

}  // namespace

std::optional<report_strings> strings_for(std::string_view lang) {
  for (const auto* s : {&english, &dutch, &french})
    if (s->lang == lang) return *s;
  return std::nullopt;
}

}  // namespace casechain::core::report
