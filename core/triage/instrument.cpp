#include "core/triage/instrument.hpp"

#include "core/triage/builtin_files.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <fstream>
#include <iterator>
#include <set>

namespace casechain::core::triage {
namespace json = boost::json;

namespace {

// Reads a validated instrument, remembering the first fault with its path.
class reader {
 public:
  std::string problem;
  bool uses_earlier_tracks = false;

  bool failed() const { return !problem.empty(); }
  void fault(const std::string& path, const std::string& what) {
    if (problem.empty()) problem = path + ": " + what;
  }

  const json::object* object(const json::value* v, const std::string& path) {
    if (!v || !v->is_object()) return fault(path, "expected an object"), nullptr;
    return &v->get_object();
  }
  const json::array* array(const json::object& o, const char* key, const std::string& path) {
    auto v = o.if_contains(key);
    if (!v || !v->is_array()) return fault(path + "." + key, "expected an array"), nullptr;
    return &v->get_array();
  }
  std::string text(const json::object& o, const char* key, const std::string& path, bool required = true) {
    auto v = o.if_contains(key);
    if (!v) {
      if (required) fault(path + "." + key, "missing");
      return {};
    }
    if (!v->is_string() || v->get_string().empty()) return fault(path + "." + key, "expected a non-empty string"), "";
    return std::string(v->get_string());
  }
  int number(const json::object& o, const char* key, const std::string& path, int low, int high) {
    auto v = o.if_contains(key);
    if (!v || !v->is_int64() || v->get_int64() < low || v->get_int64() > high) {
      fault(path + "." + key, "expected a whole number from " + std::to_string(low) + " to " + std::to_string(high));
      return 0;
    }
    return static_cast<int>(v->get_int64());
  }

  std::vector<instrument_item> items(const json::object& o, const char* key, std::set<std::string>& seen) {
    std::vector<instrument_item> out;
    auto list = array(o, key, "$");
    if (!list) return out;
    for (size_t i = 0; i < list->size(); ++i) {
      std::string path = std::string("$.") + key + "[" + std::to_string(i) + "]";
      auto item = object(&(*list)[i], path);
      if (!item) return out;
      instrument_item parsed{text(*item, "item", path), number(*item, "weight", path, 0, 100), false};
      if (auto serious = item->if_contains("serious")) {
        if (!serious->is_bool()) fault(path + ".serious", "expected true or false");
        else parsed.serious = serious->get_bool();
      }
      if (!seen.insert(parsed.item).second) fault(path + ".item", "the item '" + parsed.item + "' appears twice");
      out.push_back(std::move(parsed));
    }
    return out;
  }

  condition parse_condition(const json::value& v, const std::string& path, const instrument& in) {
    condition c;
    auto o = object(&v, path);
    if (!o) return c;
    if (o->size() != 1) return fault(path, "expected exactly one condition key"), c;
    // Plain references, not a structured binding: the lambdas below capture
    // them, which clang before 16 refuses for bindings.
    const auto& key = o->begin()->key();
    const auto& value = o->begin()->value();
    std::string inner = path + "." + std::string(key);
    auto as_number = [&](int low, int high) {
      if (!value.is_int64() || value.get_int64() < low || value.get_int64() > high)
        fault(inner, "expected a whole number from " + std::to_string(low) + " to " + std::to_string(high));
      else c.number = static_cast<int>(value.get_int64());
    };
    auto as_name = [&]() {
      if (!value.is_string()) fault(inner, "expected a string");
      else c.name = std::string(value.get_string());
    };
    if (key == "measure") {
      c.type = condition::kind::measure;
      as_name();
      if (c.name != "restraining_order" && c.name != "red_file" && c.name != "arrest" && !failed())
        fault(inner, "expected restraining_order, red_file or arrest");
    } else if (key == "risk_level_at_least") {
      c.type = condition::kind::risk_level_at_least;
      as_name();
      if (in.level_rank(c.name) < 0 && !failed()) fault(inner, "unknown risk level '" + c.name + "'");
    } else if (key == "score_at_least") {
      c.type = condition::kind::score_at_least, as_number(0, 10000);
    } else if (key == "complexity_at_least") {
      c.type = condition::kind::complexity_at_least, as_number(0, 10000);
    } else if (key == "serious_items_at_least") {
      c.type = condition::kind::serious_items_at_least, as_number(0, 1000);
    } else if (key == "history_reports_at_least") {
      c.type = condition::kind::history_reports_at_least, as_number(1, 1000);
    } else if (key == "open_case_track_at_least") {
      c.type = condition::kind::open_case_track_at_least, as_number(1, 3);
    } else if (key == "earlier_track_at_least") {
      c.type = condition::kind::earlier_track_at_least, as_number(1, 3);
      uses_earlier_tracks = true;
    } else if (key == "item") {
      c.type = condition::kind::item;
      as_name();
      bool known = false;
      for (const auto* list : {&in.risk_items, &in.complexity_items})
        for (const auto& item : *list) known = known || item.item == c.name;
      if (!known && !failed()) fault(inner, "unknown item '" + c.name + "'");
    } else if (key == "all" || key == "any") {
      c.type = key == "all" ? condition::kind::all : condition::kind::any;
      if (!value.is_array() || value.get_array().empty()) return fault(inner, "expected a non-empty array"), c;
      for (size_t i = 0; i < value.get_array().size(); ++i)
        c.children.push_back(parse_condition(value.get_array()[i], inner + "[" + std::to_string(i) + "]", in));
    } else if (key == "not") {
      c.type = condition::kind::negation;
      c.children.push_back(parse_condition(value, inner, in));
    } else {
      fault(inner, "unknown condition");
    }
    return c;
  }
};

}  // namespace

int instrument::level_rank(std::string_view level) const {
  for (size_t i = 0; i < risk_levels.size(); ++i)
    if (risk_levels[i].name == level) return static_cast<int>(i);
  return -1;
}

result<std::shared_ptr<const instrument>> load_instrument(std::string_view json_text) {
  boost::system::error_code ec;
  auto document = json::parse(json_text, ec);
  if (ec) return fail(errc::invalid_argument, "instrument: malformed JSON: " + ec.message());
  reader r;
  auto in = std::make_shared<instrument>();
  auto root = r.object(&document, "$");
  if (!root) return fail(errc::invalid_argument, "instrument: " + r.problem);
  in->name = r.text(*root, "name", "$");
  in->version = r.number(*root, "version", "$", 1, 1000000);
  in->many_unknowns = r.number(*root, "many_unknowns", "$", 1, 1000);
  std::set<std::string> seen;
  in->risk_items = r.items(*root, "risk_items", seen);
  in->complexity_items = r.items(*root, "complexity_items", seen);
  if (auto levels = r.array(*root, "risk_levels", "$")) {
    for (size_t i = 0; i < levels->size(); ++i) {
      std::string path = "$.risk_levels[" + std::to_string(i) + "]";
      auto level = r.object(&(*levels)[i], path);
      if (!level) break;
      risk_level parsed{r.text(*level, "level", path), r.number(*level, "min_score", path, 0, 10000)};
      if (i == 0 && parsed.min_score != 0) r.fault(path + ".min_score", "the first level must start at 0");
      if (i > 0 && parsed.min_score <= in->risk_levels.back().min_score)
        r.fault(path + ".min_score", "levels must have increasing min_score");
      in->risk_levels.push_back(std::move(parsed));
    }
    if (levels->empty()) r.fault("$.risk_levels", "expected at least one level");
  }
  if (auto rules = r.array(*root, "rules", "$")) {
    std::set<std::string> ids;
    for (size_t i = 0; i < rules->size() && !r.failed(); ++i) {
      std::string path = "$.rules[" + std::to_string(i) + "]";
      auto object = r.object(&(*rules)[i], path);
      if (!object) break;
      rule parsed;
      parsed.id = r.text(*object, "id", path);
      parsed.track = track_from_int(r.number(*object, "track", path, 1, 3)).value_or(track::help_offer);
      parsed.explanation = r.text(*object, "explanation", path, false);
      if (auto when = object->if_contains("when")) parsed.when = r.parse_condition(*when, path + ".when", *in);
      else r.fault(path + ".when", "missing");
      if (!ids.insert(parsed.id).second) r.fault(path + ".id", "the rule id '" + parsed.id + "' appears twice");
      in->rules.push_back(std::move(parsed));
    }
  }
  if (r.failed()) return fail(errc::invalid_argument, "instrument: " + r.problem);
  in->uses_earlier_tracks = r.uses_earlier_tracks;
  return std::shared_ptr<const instrument>(std::move(in));
}

result<std::shared_ptr<const instrument>> load_instrument_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(errc::not_found, "cannot read the instrument file " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > (1 << 20)) return fail(errc::invalid_argument, "the instrument file " + path + " is over 1 MiB");
  auto loaded = load_instrument(text);
  if (!loaded) return fail(loaded.error().code, path + ": " + loaded.error().message);
  return loaded;
}

std::shared_ptr<const instrument> builtin_instrument() {
  static const auto loaded = [] {
    auto text = builtin_file("swift-1.json");
    if (!text) throw std::logic_error("the built-in instrument swift-1.json is missing");
    return load_instrument(*text).value();  // a broken built-in file is a build defect
  }();
  return loaded;
}

}  // namespace casechain::core::triage
