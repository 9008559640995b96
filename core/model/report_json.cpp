#include "core/model/report_json.hpp"

#include "core/util/json_writer.hpp"

namespace casechain::core {
namespace {

void write_person(json_writer& w, const report_person& p) {
  w.begin_object();
  w.field("role", to_string(p.role));
  w.field("first_name", p.first_name);
  w.field("last_name", p.last_name);
  if (p.birth_date) w.field("birth_date", format_date(*p.birth_date));
  w.field("gender", to_string(p.gender));
  if (!p.national_id.empty()) w.field("national_id", p.national_id);
  if (p.address) {
    w.key("address");
    w.begin_object();
    w.field("street", p.address->street);
    w.field("number", p.address->number);
    w.field("postcode", p.address->postcode);
    w.field("municipality", p.address->municipality);
    w.end_object();
  }
  if (!p.phone.empty()) w.field("phone", p.phone);
  w.end_object();
}

void write_violence(json_writer& w, const violence_kinds& v) {
  w.begin_object();
  w.field("physical", v.physical);
  w.field("psychological", v.psychological);
  w.field("sexual", v.sexual);
  w.field("economic", v.economic);
  w.field("threats", v.threats);
  w.field("stalking", v.stalking);
  w.end_object();
}

void write_measures(json_writer& w, const report_measures& m) {
  w.begin_object();
  w.key("restraining_order");
  if (m.restraining_order) {
    w.begin_object();
    w.field("from", format_date(m.restraining_order->from));
    w.field("until", format_date(m.restraining_order->until));
    w.end_object();
  } else {
    w.null();
  }
  w.field("arrest", m.arrest);
  w.field("red_file", m.red_file);
  w.end_object();
}

}  // namespace

void append_report_json(std::string& out, const police_report& report) {
  json_writer w(out);
  w.begin_object();
  w.field("external_ref", report.external_ref);
  w.field("police_zone", report.police_zone);
  w.field("reported_at", format_timestamp(report.reported_at));
  if (report.incident_at) w.field("incident_at", format_timestamp(*report.incident_at));
  w.key("persons");
  w.begin_array();
  for (const auto& person : report.persons) write_person(w, person);
  w.end_array();
  w.field("relationship", to_string(report.relationship));
  w.key("violence");
  write_violence(w, report.violence);
  w.key("indicators");
  w.begin_object();
  for (const auto& ind : report.indicators) {
    w.key(ind.item);
    if (ind.value == tri_state::unknown) w.null();
    else w.boolean(ind.value == tri_state::yes);
  }
  w.end_object();
  w.key("measures");
  write_measures(w, report.measures);
  w.field("narrative", report.narrative);
  w.end_object();
}

}  // namespace casechain::core
