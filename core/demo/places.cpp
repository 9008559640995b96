#include "core/demo/places.hpp"

namespace casechain::core::demo {
namespace {

// --- 5345 Antwerpen
constexpr std::string_view antwerpen_streets[] = {
    "Turnhoutsebaan", "Lange Kievitstraat", "Van Kerckhovenstraat", "Kerkstraat", "Lange Beeldekensstraat"};
constexpr std::string_view borgerhout_streets[] = {
    "Turnhoutsebaan", "Kroonstraat", "Drink", "Gitschotellei", "Collegelaan"};
constexpr std::string_view deurne_streets[] = {
    "Herentalsebaan", "Ter Heydelaan", "Lakborslei", "Bisschoppenhoflaan", "Sint-Rochusstraat"};
constexpr std::string_view merksem_streets[] = {
    "Bredabaan", "Lambrechtshoekenlaan", "Ryckmansstraat", "Laaglandlaan", "Terlindenhofstraat"};
constexpr std::string_view hoboken_streets[] = {
    "Kioskplaats", "Sint-Bernardsesteenweg", "Kapelstraat", "Berkenrodelei", "Zwaluwstraat"};
constexpr municipality antwerpen_zone[] = {
    {"2060", "Antwerpen", antwerpen_streets}, {"2140", "Borgerhout", borgerhout_streets},
    {"2100", "Deurne", deurne_streets},       {"2170", "Merksem", merksem_streets},
    {"2660", "Hoboken", hoboken_streets}};

// --- 5415 Gent
constexpr std::string_view gent_streets[] = {
    "Dampoortstraat", "Sleepstraat", "Wondelgemstraat", "Brugsesteenweg", "Rabotstraat"};
constexpr std::string_view ledeberg_streets[] = {
    "Hundelgemsesteenweg", "Ledebergplein", "Kerkstraat", "Jules de Saint-Genoisstraat"};
constexpr std::string_view sint_amandsberg_streets[] = {
    "Antwerpsesteenweg", "Heiveldstraat", "Hogeweg", "Victor Braeckmanlaan"};
constexpr std::string_view mariakerke_streets[] = {
    "Brugsesteenweg", "Groenestaakstraat", "Zeger Van Heulestraat", "Gaverland"};
constexpr municipality gent_zone[] = {
    {"9000", "Gent", gent_streets}, {"9050", "Ledeberg", ledeberg_streets},
    {"9040", "Sint-Amandsberg", sint_amandsberg_streets}, {"9030", "Mariakerke", mariakerke_streets}};

// --- 5380 Limburg Regio Hoofdstad (Hasselt, Zonhoven, Diepenbeek, Halen, Herk-de-Stad, Lummen)
constexpr std::string_view hasselt_streets[] = {
    "Kempische Steenweg", "Genkersteenweg", "Demerstraat", "Kuringersteenweg", "Runkstersteenweg"};
constexpr std::string_view zonhoven_streets[] = {"Kerkplein", "Dorpsstraat", "Heuvenweg", "Kolmenstraat"};
constexpr std::string_view diepenbeek_streets[] = {"Stationsstraat", "Dorpsstraat", "Nierstraat", "Kapelstraat"};
constexpr std::string_view lummen_streets[] = {"Dorp", "Hasseltsesteenweg", "Gestelstraat", "Meldertsebaan"};
constexpr municipality lrh_zone[] = {
    {"3500", "Hasselt", hasselt_streets}, {"3520", "Zonhoven", zonhoven_streets},
    {"3590", "Diepenbeek", diepenbeek_streets}, {"3560", "Lummen", lummen_streets}};

// --- 5388 Leuven
constexpr std::string_view leuven_streets[] = {"Tiensesteenweg", "Diestsesteenweg", "Naamsestraat", "Brusselsestraat"};
constexpr std::string_view kessel_lo_streets[] = {"Diestsesteenweg", "Martelarenlaan", "Holsbeeksesteenweg", "Stationsstraat"};
constexpr std::string_view heverlee_streets[] = {"Naamsesteenweg", "Waversebaan", "Celestijnenlaan", "Geldenaaksebaan"};
constexpr municipality leuven_zone[] = {
    {"3000", "Leuven", leuven_streets}, {"3010", "Kessel-Lo", kessel_lo_streets},
    {"3001", "Heverlee", heverlee_streets}};

// --- 5446 Brugge
constexpr std::string_view brugge_streets[] = {"Langestraat", "Ezelstraat", "Kruisvest", "Torhoutse Steenweg"};
constexpr std::string_view sint_andries_streets[] = {"Gistelse Steenweg", "Zandstraat", "Diksmuidse Heerweg", "Lindenhof"};
constexpr std::string_view assebroek_streets[] = {"Astridlaan", "Generaal Lemanlaan", "Daverlostraat", "Kerkstraat"};
constexpr municipality brugge_zone[] = {
    {"8000", "Brugge", brugge_streets}, {"8200", "Sint-Andries", sint_andries_streets},
    {"8310", "Assebroek", assebroek_streets}};

// --- 5339 Bruxelles-Capitale Ixelles
constexpr std::string_view bruxelles_streets[] = {"Rue Haute", "Rue Blaes", "Rue de Laeken", "Rue du Marché aux Porcs"};
constexpr std::string_view laeken_streets[] = {"Rue Marie-Christine", "Avenue de la Reine", "Boulevard Émile Bockstael", "Rue des Palais Outre-Ponts"};
constexpr std::string_view ixelles_streets[] = {"Chaussée d'Ixelles", "Rue du Trône", "Chaussée de Boondael", "Rue Gray"};
constexpr std::string_view noh_streets[] = {"Rue de Heembeek", "Rue Bruyn", "Rue du Craetveld", "Rue François Vekemans"};
constexpr municipality bruxelles_ixelles_zone[] = {
    {"1000", "Bruxelles", bruxelles_streets}, {"1020", "Laeken", laeken_streets},
    {"1050", "Ixelles", ixelles_streets}, {"1120", "Neder-Over-Heembeek", noh_streets}};

// --- 5344 Bruxelles-Nord (Schaerbeek, Evere, Saint-Josse-ten-Noode)
constexpr std::string_view schaerbeek_streets[] = {"Chaussée de Haecht", "Rue des Palais", "Avenue Rogier", "Rue de Brabant"};
constexpr std::string_view evere_streets[] = {"Chaussée de Haecht", "Avenue Henry Dunant", "Rue de Paris", "Square S. Hoedemaekers"};
constexpr std::string_view saint_josse_streets[] = {"Chaussée de Louvain", "Rue Royale Sainte-Marie", "Rue de la Poste", "Rue Verte"};
constexpr municipality bruxelles_nord_zone[] = {
    {"1030", "Schaerbeek", schaerbeek_streets}, {"1140", "Evere", evere_streets},
    {"1210", "Saint-Josse-ten-Noode", saint_josse_streets}};

// --- 5277 Liège
constexpr std::string_view liege_streets[] = {"Rue Saint-Gilles", "Rue Saint-Léonard", "Rue Grétry", "Rue Puits-en-Sock"};
constexpr std::string_view grivegnee_streets[] = {"Rue de Herve", "Avenue des Coteaux", "Rue Belvaux", "Rue de Robermont"};
constexpr std::string_view angleur_streets[] = {"Rue de Tilff", "Rue Vaudrée", "Rue du Sart-Tilman", "Quai de l'Ourthe"};
constexpr std::string_view jupille_streets[] = {"Rue Charlemagne", "Rue de Visé", "Rue Chafnay", "Place des Ecoles"};
constexpr municipality liege_zone[] = {
    {"4000", "Liège", liege_streets}, {"4030", "Grivegnée", grivegnee_streets},
    {"4031", "Angleur", angleur_streets}, {"4020", "Jupille-sur-Meuse", jupille_streets}};

// --- 5330 Charleroi
constexpr std::string_view charleroi_streets[] = {"Rue de la Montagne", "Boulevard Tirou", "Rue de Marcinelle", "Rue du Grand Central"};
constexpr std::string_view marcinelle_streets[] = {"Avenue Eugène Mascaux", "Rue de la Villette", "Rue du Bois du Cazier", "Rue de Couillet"};
constexpr std::string_view jumet_streets[] = {"Chaussée de Bruxelles", "Rue de Gosselies", "Rue Dewiest", "Place du Ballon"};
constexpr std::string_view gilly_streets[] = {"Chaussée de Fleurus", "Rue Ferrer", "Rue Saint-Roch", "Rue de la Station"};
constexpr municipality charleroi_zone[] = {
    {"6000", "Charleroi", charleroi_streets}, {"6001", "Marcinelle", marcinelle_streets},
    {"6040", "Jumet", jumet_streets}, {"6060", "Gilly", gilly_streets}};

// --- 5303 Namur
constexpr std::string_view namur_streets[] = {"Rue de Fer", "Rue de l'Ange", "Boulevard d'Herbatte", "Rue Rogier"};
constexpr std::string_view jambes_streets[] = {"Avenue Jean Materne", "Chaussée de Marche", "Rue de Dave", "Rue Mazy"};
constexpr std::string_view saint_servais_streets[] = {"Chaussée de Waterloo", "Rue Nanon", "Rue Henri Lecocq", "Avenue des Croix du Feu"};
constexpr municipality namur_zone[] = {
    {"5000", "Namur", namur_streets}, {"5100", "Jambes", jambes_streets},
    {"5002", "Saint-Servais", saint_servais_streets}};

// --- 5324 Mons-Quévy
constexpr std::string_view mons_streets[] = {"Rue de Nimy", "Rue d'Havré", "Chaussée du Roeulx", "Avenue de Jemappes"};
constexpr std::string_view jemappes_streets[] = {"Rue Grande", "Avenue Roi Albert", "Rue de la Station", "Place de Jemappes"};
constexpr std::string_view cuesmes_streets[] = {"Rue de l'Agrappe", "Rue du Pont", "Rue Ferrer", "Rue des Canadiens"};
constexpr std::string_view quevy_streets[] = {"Rue de Mons", "Rue du Bois", "Place de Quévy-le-Grand", "Rue de Bavay"};
constexpr municipality mons_zone[] = {
    {"7000", "Mons", mons_streets}, {"7012", "Jemappes", jemappes_streets},
    {"7033", "Cuesmes", cuesmes_streets}, {"7040", "Quévy", quevy_streets}};

// Weights are rough shares of reports; origins are dutch, french, maghrebi,
// turkish, east_european, italian.
constexpr police_zone zones[] = {
    {"5345 Antwerpen", "AN.45.L1", language::nl, 18, {70, 2, 16, 5, 5, 2}, antwerpen_zone},
    {"5415 Gent", "GE.15.L1", language::nl, 10, {75, 2, 6, 10, 6, 1}, gent_zone},
    {"5380 Limburg Regio Hoofdstad", "HA.80.L1", language::nl, 7, {74, 1, 5, 9, 3, 8}, lrh_zone},
    {"5388 Leuven", "LE.88.L1", language::nl, 6, {82, 3, 7, 3, 4, 1}, leuven_zone},
    {"5446 Brugge", "BG.46.L1", language::nl, 5, {88, 2, 3, 1, 5, 1}, brugge_zone},
    {"5339 Bruxelles-Capitale Ixelles", "BR.39.L1", language::fr, 12, {8, 55, 22, 4, 7, 4}, bruxelles_ixelles_zone},
    {"5344 Bruxelles-Nord", "BR.44.L1", language::fr, 9, {6, 45, 27, 14, 6, 2}, bruxelles_nord_zone},
    {"5277 Liège", "LI.77.L1", language::fr, 10, {1, 72, 9, 5, 3, 10}, liege_zone},
    {"5330 Charleroi", "CH.30.L1", language::fr, 10, {1, 72, 10, 5, 2, 10}, charleroi_zone},
    {"5303 Namur", "NA.03.L1", language::fr, 6, {2, 85, 6, 2, 3, 2}, namur_zone},
    {"5324 Mons-Quévy", "MO.24.L1", language::fr, 7, {1, 78, 7, 3, 3, 8}, mons_zone},
};

}  // namespace

std::span<const police_zone> police_zones() { return zones; }

const police_zone* find_police_zone(std::string_view label) {
  for (const auto& zone : zones)
    if (zone.label == label) return &zone;
  return nullptr;
}

}  // namespace casechain::core::demo
