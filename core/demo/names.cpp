#include "core/demo/names.hpp"

#include <array>

namespace casechain::core::demo {
namespace {

// Names avoid words that occur in the narratives ("Said" would meet "said").
constexpr std::string_view dutch_female[] = {
    "Emma",    "Louise",  "Marie",   "Elise",    "Lotte",     "Julie",    "Anna",    "Sarah",
    "Laura",   "Lisa",    "Hanne",   "Ellen",    "Sofie",     "Katrien",  "Els",     "Annick",
    "Inge",    "Veerle",  "Nathalie", "Sandra",  "Griet",     "Liesbeth", "Annelies", "Karolien",
    "Evelien", "Joke",    "Lien",    "Nele",     "Fien",      "Noor",     "Jana",    "Lore",
    "Hilde",   "Kristel", "Mieke",   "Ilse",     "Martine",   "Chloë",    "Inès",    "Febe"};
constexpr std::string_view dutch_male[] = {
    "Lucas",  "Noah",  "Arthur", "Louis",  "Jules",  "Lars",   "Wout",   "Thomas",
    "Pieter", "Jan",   "Koen",   "Bart",   "Tom",    "Kris",   "Dirk",   "Wim",
    "Geert",  "Stijn", "Jeroen", "Joris",  "Dries",  "Sander", "Bram",   "Jens",
    "Robbe",  "Seppe", "Kobe",   "Ruben",  "Tim",    "Steven", "Peter",  "Marc",
    "Luc",    "Patrick", "Johan", "Filip", "Rik",    "Gert",   "Niels",  "Raphaël"};
constexpr std::string_view dutch_surnames[] = {
    "Peeters",       "Janssens",    "Maes",         "Jacobs",      "Mertens",    "Willems",
    "Claes",         "Goossens",    "Wouters",      "De Smet",     "De Vos",     "Van den Bossche",
    "Vander Elst",   "Van Damme",   "Van de Velde", "Vermeulen",   "Hermans",    "Michiels",
    "De Clercq",     "Smets",       "Aerts",        "Verstraeten", "Van Hecke",  "De Backer",
    "Van Dyck",      "Vandenberghe", "Verhoeven",   "Coppens",     "Lemmens",    "Van Acker",
    "De Wolf",       "Vanderlinden", "Bogaerts",    "Van Looy",    "Segers",     "Cools",
    "Vanhoutte",     "D'Hondt",     "Van Gorp",     "Vanden Broeck"};

constexpr std::string_view french_female[] = {
    "Léa",       "Camille",  "Manon",     "Chloé",     "Inès",      "Juliette", "Zoé",      "Louise",
    "Alice",     "Emma",     "Lina",      "Clara",     "Jade",      "Élise",    "Hélène",   "Céline",
    "Nathalie",  "Isabelle", "Sophie",    "Valérie",   "Véronique", "Sandrine", "Stéphanie", "Aurélie",
    "Mélanie",   "Amélie",   "Christine", "Martine",   "Françoise", "Anne-Sophie", "Marie-Claire", "Noémie",
    "Océane",    "Laetitia", "Cécile",    "Delphine",  "Gaëlle",    "Maëlle",   "Joëlle",   "Sylvie"};
constexpr std::string_view french_male[] = {
    "Louis",    "Gabriel",   "Hugo",     "Nathan",     "Théo",      "Lucas",    "Mathis",   "Jules",
    "Maxime",   "Antoine",   "Julien",   "Nicolas",    "Sébastien", "Frédéric", "Jérôme",   "Stéphane",
    "Olivier",  "Pierre",    "Philippe", "Michel",     "Laurent",   "Christophe", "Benoît", "Grégory",
    "Cédric",   "Thierry",   "Pascal",   "Xavier",     "François",  "Jean-Pierre", "Jean-Luc", "Quentin",
    "Romain",   "Mathéo",    "Raphaël",  "Noé",        "Aurélien",  "Dimitri",  "Didier",   "Régis"};
constexpr std::string_view french_surnames[] = {
    "Dupont",   "Lambert",  "Dubois",   "Martin",    "Simon",    "Laurent",  "Leclercq", "Lejeune",
    "Renard",   "Collignon", "François", "Lemaire",  "Dumont",   "Lefèvre",  "Gérard",   "Mathieu",
    "Denis",    "Bodart",   "Henrard",  "Piette",    "Hubert",   "Fontaine", "Lecomte",  "Marchal",
    "Gilson",   "Noël",     "Delvaux",  "Thiry",     "Lhoest",    "Lemaître", "Goffin",   "Lacroix",
    "Masson",   "Jacquet",  "Remacle",  "Dethier",   "Deprez",   "Delcourt", "de Brouwer", "Du Bois"};

constexpr std::string_view maghrebi_female[] = {
    "Fatima", "Khadija", "Amina", "Nadia", "Samira", "Malika", "Yasmina", "Salma",
    "Imane",  "Naïma",   "Soumaya", "Hafsa", "Meryem", "Zineb", "Latifa", "Ikram"};
constexpr std::string_view maghrebi_male[] = {
    "Mohamed", "Ahmed", "Youssef", "Karim", "Rachid", "Mustapha", "Hassan", "Omar",
    "Bilal",   "Ayoub", "Mehdi",   "Hamza", "Anas",   "Khalid",   "Driss",  "Nordine"};
constexpr std::string_view maghrebi_surnames[] = {
    "El Amrani", "Benali",   "Bouzid",    "El Idrissi", "Ait Ouali", "Azzouzi", "Bakkali", "Chakir",
    "El Khattabi", "Haddou", "Ouazzani",  "Ziani",      "Amrani",    "Boukhari", "El Mansouri", "Lahlou"};

constexpr std::string_view turkish_female[] = {
    "Ayşe", "Elif", "Zeynep", "Fatma", "Emine", "Hatice", "Merve", "Esra", "Büşra", "Derya", "Gül", "Özlem"};
constexpr std::string_view turkish_male[] = {
    "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "Emre", "Murat", "Burak", "Serkan", "Kemal", "Yusuf"};
constexpr std::string_view turkish_surnames[] = {
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan", "Doğan", "Koç", "Kılıç"};

constexpr std::string_view east_european_female[] = {
    "Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Ioana", "Elena", "Andreea", "Monika", "Natalia", "Olga"};
constexpr std::string_view east_european_male[] = {
    "Piotr", "Tomasz", "Krzysztof", "Paweł", "Marek", "Andrei", "Ion", "Mihai", "Vasile", "Bogdan"};
constexpr std::string_view east_european_surnames[] = {
    "Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Zając", "Popescu", "Ionescu", "Popa", "Dumitru",
    "Munteanu", "Stanciu"};

constexpr std::string_view italian_female[] = {
    "Giulia", "Francesca", "Maria", "Rosa", "Giuseppina", "Antonella", "Chiara", "Sara", "Valentina", "Angela"};
constexpr std::string_view italian_male[] = {
    "Giuseppe", "Antonio", "Salvatore", "Francesco", "Marco", "Luca", "Giovanni", "Vincenzo", "Rocco", "Calogero"};
constexpr std::string_view italian_surnames[] = {
    "Rossi", "Russo", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Greco", "Lo Presti", "Di Marco",
    "La Rosa", "D'Amico"};

struct origin_names {
  std::span<const std::string_view> female;
  std::span<const std::string_view> male;
  std::span<const std::string_view> surnames;
};

constexpr std::array<origin_names, name_origin_count> table{{
    {dutch_female, dutch_male, dutch_surnames},
    {french_female, french_male, french_surnames},
    {maghrebi_female, maghrebi_male, maghrebi_surnames},
    {turkish_female, turkish_male, turkish_surnames},
    {east_european_female, east_european_male, east_european_surnames},
    {italian_female, italian_male, italian_surnames},
}};

}  // namespace

std::span<const std::string_view> first_names(name_origin origin, bool female) {
  const auto& entry = table[static_cast<std::size_t>(origin)];
  return female ? entry.female : entry.male;
}

std::span<const std::string_view> surnames(name_origin origin) {
  return table[static_cast<std::size_t>(origin)].surnames;
}

}  // namespace casechain::core::demo
