// The body schemas of the OpenAPI document. Field names, types, enums and
// limits follow the handlers (api/handlers/*.cpp) and the report parser.
#include "api/handlers/openapi_schemas.hpp"

namespace casechain::api {
namespace {

constexpr std::string_view json = "application/json";

// Answers shared by many routes.
constexpr std::string_view case_summary = R"({"$ref": "#/components/schemas/case_summary"})";
constexpr std::string_view created = R"({"$ref": "#/components/schemas/created"})";
constexpr std::string_view user = R"({"$ref": "#/components/schemas/user"})";

}  // namespace

std::string route_key(http::verb method, std::string_view pattern) {
  std::string key(http::to_string(method));
  key += ' ';
  key += pattern;
  return key;
}

const std::map<std::string_view, std::string_view>& shared_schemas() {
  static const std::map<std::string_view, std::string_view> all{
      {"problem", R"({"type": "object", "required": ["type", "title", "status", "detail", "request_id"],
        "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
          "detail": {"type": "string"}, "request_id": {"type": "string"},
          "errors": {"type": "array", "description": "the failing fields, or for a transition every unmet guard",
            "items": {"type": "object", "required": ["field", "problem"],
              "properties": {"field": {"type": "string"}, "problem": {"type": "string"}}}}}})"},
      {"decision", R"({"type": "object", "required": ["awaiting_confirmation", "case"], "properties": {
        "awaiting_confirmation": {"type": "boolean", "description": "a lowered track waits for a second team member"},
        "case": {"type": ["integer", "null"], "description": "the case opened or updated"}}})"},
      {"created", R"({"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}})"},
      {"user", R"({"type": "object", "required": ["id", "username", "organisation", "roles"],
        "properties": {"id": {"type": "integer"}, "username": {"type": "string"}, "organisation": {"type": "integer"},
          "roles": {"type": "array", "items": {"$ref": "#/components/schemas/role"}}}})"},
      {"role", R"({"enum": ["triage", "case_manager", "police", "prosecutor", "social_worker", "coordinator",
        "auditor", "admin"]})"},
      {"step", R"({"enum": ["intake", "file", "assessment", "assignment", "implementation", "evaluation", "contact",
        "safety_plan", "referral", "crisis", "system_help", "follow_up", "closed"]})"},
      {"track", R"({"type": "integer", "enum": [1, 2, 3], "description": "SWIFT track: 1 help offer, 2 chain, 3 intensive"})"},
      {"consent", R"({"type": "object", "required": ["id", "person", "organisation", "category", "given_at", "valid_until",
        "revoked_at", "live"], "properties": {"id": {"type": "integer"}, "person": {"type": "integer"},
          "organisation": {"type": "integer"}, "category": {"type": "string"}, "given_at": {"type": "string", "format": "date-time"},
          "valid_until": {"type": "string", "format": "date-time", "description": "the instant it ends"},
          "revoked_at": {"type": ["string", "null"]}, "live": {"type": "boolean", "description": "given, not revoked, not ended"}}})"},
      {"audit_entries", R"({"type": "object", "required": ["entries"], "properties": {"entries": {"type": "array",
        "description": "newest first; never a sensitive value", "items": {"type": "object", "properties": {
          "id": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}, "user": {"type": ["integer", "null"]},
          "organisation": {"type": ["integer", "null"]}, "roles": {"type": "string"}, "action": {"type": "string"},
          "case": {"type": ["integer", "null"]}, "category": {"type": "string"}, "legal_basis": {"type": "string"},
          "purpose": {"type": "string"}, "outcome": {"enum": ["allowed", "denied", "failed"]}, "request_id": {"type": "string"}}}},
        "names": {"type": "object", "required": ["organisations", "users"],
          "description": "display names of the users and organisations the entries show",
          "properties": {"organisations": {"type": "object", "additionalProperties": {"type": "string"}},
            "users": {"type": "object", "additionalProperties": {"type": "string"}}}}}})"},
      {"case_summary", R"({"type": "object", "required": ["id", "track", "step", "case_manager", "opened_at", "closed_at"],
        "properties": {"id": {"type": "integer"}, "track": {"$ref": "#/components/schemas/track"},
          "step": {"$ref": "#/components/schemas/step"}, "case_manager": {"type": ["integer", "null"]},
          "opened_at": {"type": "string", "format": "date-time"},
          "closed_at": {"type": ["string", "null"], "format": "date-time"}, "closure_reason": {"type": "string"}}})"},
      {"triage_proposal", R"({"type": "object",
        "required": ["instrument", "track", "risk_level", "score", "complexity", "serious_items", "unknowns",
          "many_unknowns", "rules", "unknown_items", "narrative_cues", "disagreements"],
        "properties": {"instrument": {"type": "string"}, "track": {"$ref": "#/components/schemas/track"},
          "risk_level": {"type": "string"}, "score": {"type": "integer"}, "complexity": {"type": "integer"},
          "serious_items": {"type": "integer"}, "unknowns": {"type": "integer"}, "many_unknowns": {"type": "boolean"},
          "rules": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"},
            "track": {"$ref": "#/components/schemas/track"}, "evidence": {"type": "array", "items": {"type": "object",
              "properties": {"item": {"type": "string"}, "source": {"type": "string"}, "detail": {"type": "string"}}}}}}},
          "unknown_items": {"type": "array", "items": {"type": "string"}},
          "narrative_cues": {"type": "array", "items": {"type": "object", "properties": {"item": {"type": "string"},
            "language": {"type": "string"}, "matched": {"type": "string"}, "negated": {"type": "boolean"}}}},
          "disagreements": {"type": "array", "items": {"type": "object", "properties": {"item": {"type": "string"},
            "field": {"type": "string"}, "narrative": {"enum": ["yes", "no"]}, "matched": {"type": "string"}}}}}})"},
      {"police_report", R"({"type": "object", "additionalProperties": false,
        "required": ["external_ref", "police_zone", "reported_at", "persons", "relationship"],
        "properties": {"external_ref": {"type": "string", "minLength": 1}, "police_zone": {"type": "string", "minLength": 1},
          "reported_at": {"type": "string", "format": "date-time"}, "incident_at": {"type": "string", "format": "date-time"},
          "persons": {"type": "array", "minItems": 1, "description": "at least one victim",
            "items": {"type": "object", "additionalProperties": false, "required": ["role"],
              "properties": {"role": {"enum": ["victim", "suspect", "child", "other"]},
                "first_name": {"type": "string"}, "last_name": {"type": "string"},
                "birth_date": {"type": "string", "format": "date"}, "gender": {"enum": ["female", "male", "x", "unknown"]},
                "national_id": {"type": "string"}, "phone": {"type": "string", "maxLength": 32},
                "address": {"type": "object", "additionalProperties": false, "properties": {"street": {"type": "string"},
                  "number": {"type": "string"}, "postcode": {"type": "string", "pattern": "^[0-9]{4}$"},
                  "municipality": {"type": "string"}}}}}},
          "relationship": {"enum": ["partner", "ex_partner", "parent_child", "child_parent", "sibling", "other_family", "other"]},
          "violence": {"type": "object", "additionalProperties": false, "properties": {"physical": {"type": "boolean"},
            "psychological": {"type": "boolean"}, "sexual": {"type": "boolean"}, "economic": {"type": "boolean"},
            "threats": {"type": "boolean"}, "stalking": {"type": "boolean"}}},
          "indicators": {"type": "object", "maxProperties": 64, "description": "the instrument's items",
            "additionalProperties": {"type": ["boolean", "null"]}},
          "measures": {"type": "object", "additionalProperties": false, "properties": {
            "restraining_order": {"type": ["object", "null"], "properties": {"from": {"type": "string", "format": "date"},
              "until": {"type": "string", "format": "date"}}},
            "arrest": {"type": "boolean"}, "red_file": {"type": "boolean"}}},
          "narrative": {"type": "string"}}})"},
  };
  return all;
}

const std::map<std::string, route_bodies, std::less<>>& route_body_schemas() {
  static const std::map<std::string, route_bodies, std::less<>> all{
      // Sessions and the probe.
      {"GET /healthz", {{}, {}, 200, R"({"type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}})"}},
      {"POST /api/v1/session",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["username", "password"],
          "properties": {"username": {"type": "string", "maxLength": 64}, "password": {"type": "string", "maxLength": 256}}})",
        200, R"({"type": "object", "required": ["token", "csrf_token", "user"], "properties": {
          "token": {"type": "string", "description": "also set as the session cookie"},
          "csrf_token": {"type": "string", "description": "send as X-CSRF-Token on unsafe requests made with the cookie"},
          "user": {"$ref": "#/components/schemas/user"}}})"}},
      {"GET /api/v1/session",
       {{}, {}, 200, R"({"type": "object", "required": ["csrf_token", "user"], "properties": {
          "csrf_token": {"type": "string", "description": "a new token; the session's previous one is refused from now on"},
          "user": {"$ref": "#/components/schemas/user"}}})"}},
      {"DELETE /api/v1/session", {{}, {}, 204, {}}},
      {"GET /api/v1/me", {{}, {}, 200, user}},
      {"GET /api/v1/openapi.json", {{}, {}, 200, R"({"type": "object", "description": "this document"})"}},
      // Reports and triage.
      {"POST /api/v1/reports",
       {json, R"({"$ref": "#/components/schemas/police_report"})", 201,
        R"({"type": "object", "required": ["id", "family", "triage"], "properties": {"id": {"type": "integer"},
          "family": {"type": "integer"}, "triage": {"$ref": "#/components/schemas/triage_proposal"}}})"}},
      {"POST /api/v1/reports/import",
       {"application/x-ndjson", R"({"type": "string", "description": "one police report (JSON) per line; or text/csv with the same fields flattened"})",
        200, R"({"type": "object", "required": ["read", "imported", "duplicates", "rejected"], "properties": {
          "read": {"type": "integer"}, "imported": {"type": "integer"}, "duplicates": {"type": "integer"},
          "rejected": {"type": "array", "items": {"type": "object", "required": ["line", "error"],
            "properties": {"line": {"type": "integer"}, "error": {"type": "string"}}}}}})"}},
      {"GET /api/v1/triage/queue",
       {{}, {}, 200, R"({"type": "object", "required": ["reports"], "properties": {"reports": {"type": "array", "items": {
          "type": "object", "required": ["id", "external_ref", "police_zone", "reported_at", "proposed_track", "awaiting_confirmation"],
          "properties": {"id": {"type": "integer"}, "external_ref": {"type": "string"}, "police_zone": {"type": "string"},
            "reported_at": {"type": "string", "format": "date-time"}, "proposed_track": {"$ref": "#/components/schemas/track"},
            "awaiting_confirmation": {"type": "boolean"}}}}}})"}},
      {"POST /api/v1/reports/{id}/decision",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["track"], "properties": {
          "track": {"$ref": "#/components/schemas/track"},
          "reason": {"type": "string", "maxLength": 2000, "description": "needed when the track differs from the proposal"}}})",
        200, R"({"$ref": "#/components/schemas/decision"})"}},
      {"POST /api/v1/reports/{id}/confirmation", {{}, {}, 200, R"({"$ref": "#/components/schemas/decision"})"}},
      // Cases.
      {"GET /api/v1/cases",
       {{}, {}, 200, R"({"type": "object", "required": ["cases", "limit", "offset"], "properties": {
          "cases": {"type": "array", "items": {"$ref": "#/components/schemas/case_summary"}},
          "limit": {"type": "integer"}, "offset": {"type": "integer"}}})"}},
      {"GET /api/v1/cases/{id}",
       {{}, {}, 200, R"({"type": "object", "required": ["case", "access"],
          "description": "Every part belongs to a data category and is present only as far as the secrecy policy lets the user see it; parts the user may not see are left out.",
          "properties": {
          "case": {"$ref": "#/components/schemas/case_summary"},
          "access": {"type": "object", "description": "the user's level per data category",
            "additionalProperties": {"enum": ["none", "summary", "read", "write"]}},
          "family": {"type": "array", "description": "identity, read", "items": {"type": "object", "properties": {
            "id": {"type": "integer"}, "role": {"type": "string"}, "first_name": {"type": "string"}, "last_name": {"type": "string"},
            "birth_date": {"type": ["string", "null"], "format": "date"}, "gender": {"type": "string"}}}},
          "consents": {"type": "array", "description": "identity, read, for case managers: the family's consents",
            "items": {"$ref": "#/components/schemas/consent"}},
          "household": {"type": "object", "description": "identity, summary", "properties": {
            "persons": {"type": "integer"}, "children": {"type": "integer"}}},
          "safe_contacts": {"type": "array", "description": "safe_address, per person", "items": {"type": "object", "properties": {
            "person": {"type": "integer"}, "street": {"type": "string"}, "house_number": {"type": "string"},
            "postcode": {"type": "string"}, "municipality": {"type": "string"}, "phone": {"type": "string"}}}},
          "reports": {"type": "array", "description": "incident; summary: id and date only", "items": {"type": "object", "properties": {
            "id": {"type": "integer"}, "reported_at": {"type": "string", "format": "date-time"}, "police_zone": {"type": "string"},
            "violence": {"type": "object"}, "narrative": {"type": "string"}}}},
          "judicial": {"description": "judicial: read gives every report's measures, summary whether an order is in force",
            "oneOf": [{"type": "array", "items": {"type": "object", "properties": {"report": {"type": "integer"},
              "order_from": {"type": ["string", "null"]}, "order_until": {"type": ["string", "null"]},
              "arrest": {"type": "boolean"}, "red_file": {"type": "boolean"}}}},
              {"type": "object", "properties": {"order_in_force": {"type": "boolean"}, "order_until": {"type": ["string", "null"]}}}]},
          "risk": {"type": "object", "description": "risk; summary: track and risk level", "properties": {
            "track": {"$ref": "#/components/schemas/track"}, "risk_level": {"type": "string"},
            "triage": {"type": "array", "items": {"type": "object"}}, "screenings": {"type": "array", "items": {"type": "object"}}}},
          "care_notes": {"type": "array", "description": "care_notes: the user's organisation's own, others' only when shared",
            "items": {"type": "object", "properties": {"id": {"type": "integer"}, "organisation": {"type": "integer"},
              "written_at": {"type": "string"}, "text": {"type": "string"}}}},
          "my_tasks": {"type": "array", "description": "action_plan, summary: the user's own tasks", "items": {"type": "object"}},
          "members": {"type": "array", "items": {"type": "integer"}, "description": "action_plan, read: organisation ids"},
          "admittable": {"type": "array", "items": {"type": "integer"},
            "description": "action_plan, write: ids of the organisations not yet in the consultation"},
          "events": {"type": "array", "description": "action_plan, read: the case's history, oldest first", "items": {
            "type": "object", "required": ["id", "at", "actor", "kind", "detail"], "properties": {"id": {"type": "integer"},
            "at": {"type": "string", "format": "date-time"}, "actor": {"type": ["integer", "null"]}, "kind": {"type": "string"},
            "detail": {"type": "object"}, "reason": {"type": "string"}}}},
          "overdue": {"type": "array", "description": "what is late on the case, as GET /api/v1/overdue gives it: for its case manager and the coordinator",
            "items": {"type": "object", "properties": {"clock": {"type": "string"}, "due": {"type": "string", "format": "date"},
              "days_late": {"type": "integer"}, "why": {"type": "string"}}}},
          "alerts": {"type": "array", "description": "action_plan, read: the user's own unseen alerts on the case",
            "items": {"type": "object", "properties": {"kind": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"}}}},
          "next_steps": {"type": "array", "description": "action_plan, read", "items": {"type": "object",
            "required": ["step", "unmet_guards"], "properties": {"step": {"$ref": "#/components/schemas/step"},
            "unmet_guards": {"type": "array", "items": {"type": "object", "required": ["id", "text"],
              "properties": {"id": {"type": "string"}, "text": {"type": "string"}}}}}}},
          "goals": {"type": "array", "items": {"type": "object"}}, "interventions": {"type": "array", "items": {"type": "object"}},
          "contacts": {"type": "array", "items": {"type": "object"}},
          "round_tables": {"type": "array", "description": "round_table; summary: dates only", "items": {"type": "object"}},
          "names": {"type": "object", "required": ["organisations", "users"],
            "description": "display names of the organisations and users whose ids this answer shows (and, for who may write the plan, the users of member organisations, to pick an owner); nothing more",
            "properties": {"organisations": {"type": "object", "additionalProperties": {"type": "string"}},
              "users": {"type": "object", "additionalProperties": {"type": "string"}},
              "owners": {"type": "object", "description": "action_plan, write: per member organisation, the users who may own its interventions",
                "additionalProperties": {"type": "array", "items": {"type": "integer"}}}}}}})"}},
      {"GET /api/v1/cases/{id}/events",
       {{}, {}, 200, R"({"type": "object", "required": ["events"], "properties": {"events": {"type": "array", "items": {
          "type": "object", "required": ["id", "at", "actor", "kind", "detail"], "properties": {"id": {"type": "integer"},
          "at": {"type": "string", "format": "date-time"}, "actor": {"type": ["integer", "null"]}, "kind": {"type": "string"},
          "detail": {"type": "object"}, "reason": {"type": "string"}}}}}})"}},
      {"POST /api/v1/cases/{id}/transitions",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["to"], "properties": {
          "to": {"$ref": "#/components/schemas/step"}, "closure_reason": {"type": "string", "maxLength": 40},
          "note": {"type": "string", "maxLength": 5000}}})",
        200, case_summary}},
      // The case manager's work.
      {"POST /api/v1/cases/{id}/members",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["organisation"], "properties": {
          "organisation": {"type": "integer"}}})", 204, {}}},
      {"POST /api/v1/cases/{id}/meetings",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["held_on", "participants", "decisions"],
          "properties": {"held_on": {"type": "string", "format": "date"},
          "participants": {"type": "array", "items": {"type": "integer"}, "description": "organisation ids"},
          "decisions": {"type": "string", "maxLength": 20000}}})", 201, created}},
      {"POST /api/v1/cases/{id}/goals",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["text"], "properties": {
          "text": {"type": "string", "maxLength": 2000}}})", 201, created}},
      {"POST /api/v1/cases/{id}/interventions",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["organisation", "description"],
          "properties": {"goal": {"type": "integer"}, "organisation": {"type": "integer", "description": "the executing partner, a member"},
          "owner": {"type": "integer", "description": "a user of that organisation"},
          "description": {"type": "string", "minLength": 1, "maxLength": 2000}, "due_on": {"type": "string", "format": "date"}}})",
        201, created}},
      {"POST /api/v1/cases/{id}/interventions/{id}/status",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["status"], "properties": {
          "status": {"enum": ["planned", "in_progress", "done", "cancelled"]},
          "result": {"type": "string", "maxLength": 5000, "description": "needed for done"}}})", 204, {}}},
      {"POST /api/v1/cases/{id}/screenings",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["kind", "scores"], "properties": {
          "kind": {"enum": ["risk", "plan_start", "closing"]},
          "scores": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 4}}}})",
        201, created}},
      {"POST /api/v1/cases/{id}/contacts",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["channel", "outcome"], "properties": {
          "channel": {"enum": ["call", "letter", "visit", "meeting"]}, "outcome": {"enum": ["reached", "not_reached", "refused"]},
          "at": {"type": "string", "format": "date-time", "description": "default: now"}}})", 201, created}},
      {"POST /api/v1/cases/{id}/milestones",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["milestone"], "properties": {
          "milestone": {"type": "string", "maxLength": 40}, "note": {"type": "string", "maxLength": 5000}}})", 204, {}}},
      {"POST /api/v1/cases/{id}/track",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["track"], "properties": {
          "track": {"$ref": "#/components/schemas/track"}, "reason": {"type": "string", "maxLength": 5000}}})",
        200, case_summary}},
      {"POST /api/v1/cases/{id}/reopen",
       {json, R"({"type": "object", "additionalProperties": false, "properties": {
          "reason": {"type": "string", "maxLength": 5000}}})", 200, case_summary}},
      {"POST /api/v1/cases/{id}/case-manager",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["user"], "properties": {
          "user": {"type": "integer"}, "note": {"type": "string", "maxLength": 5000}}})", 200, case_summary}},
      {"GET /api/v1/overdue",
       {{}, {}, 200, R"({"type": "object", "required": ["items", "total", "limit", "offset"], "properties": {"items": {"type": "array", "items": {
          "type": "object", "required": ["case", "clock", "due", "days_late", "why"], "properties": {
          "case": {"type": "integer"}, "clock": {"type": "string"}, "due": {"type": "string", "format": "date"},
          "days_late": {"type": "integer"}, "why": {"type": "string"}}}},
          "total": {"type": "integer", "description": "late items in all, of which `items` is the page from `offset`"},
          "limit": {"type": "integer"}, "offset": {"type": "integer"}}})"}},
      // Administration.
      {"GET /api/v1/organisations",
       {{}, {}, 200, R"({"type": "object", "required": ["organisations"], "properties": {"organisations": {"type": "array",
          "items": {"type": "object", "required": ["id", "name", "sector"], "properties": {"id": {"type": "integer"},
          "name": {"type": "string"}, "sector": {"enum": ["police", "justice", "care", "administration"]}}}}}})"}},
      {"POST /api/v1/organisations",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["name", "sector"], "properties": {
          "name": {"type": "string", "maxLength": 200}, "sector": {"enum": ["police", "justice", "care", "administration"]}}})",
        201, created}},
      {"POST /api/v1/users",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["username", "organisation", "roles", "password"],
          "properties": {"username": {"type": "string", "maxLength": 64}, "organisation": {"type": "integer"},
          "roles": {"type": "array", "items": {"$ref": "#/components/schemas/role"}},
          "password": {"type": "string", "minLength": 12, "maxLength": 256, "description": "no composition rules; common passwords are refused"}}})",
        201, user}},
      {"POST /api/v1/users/{id}/disable", {{}, {}, 204, {}}},
      // The secrecy ledgers and the audit trail.
      {"GET /api/v1/cases/{id}/consents",
       {{}, {}, 200, R"({"type": "object", "required": ["consents"], "properties": {"consents": {"type": "array",
          "items": {"$ref": "#/components/schemas/consent"}}}})"}},
      {"POST /api/v1/cases/{id}/consents",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["person", "organisation", "category", "valid_until"],
          "properties": {"person": {"type": "integer"}, "organisation": {"type": "integer"},
            "category": {"enum": ["identity", "safe_address", "incident", "judicial", "risk", "care_notes", "action_plan", "round_table"]},
            "valid_until": {"type": "string", "format": "date"}}})", 201, created}},
      {"POST /api/v1/cases/{id}/consents/{id}/revoke", {json, R"({"type": "object", "additionalProperties": false, "properties": {}})", 204, {}}},
      {"POST /api/v1/cases/{id}/danger-overrides",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["organisation", "category", "justification"],
          "properties": {"organisation": {"type": "integer"},
            "category": {"enum": ["identity", "safe_address", "incident", "judicial", "risk", "care_notes", "action_plan", "round_table"]},
            "justification": {"type": "string", "minLength": 10, "maxLength": 2000}}})", 201, created}},
      {"POST /api/v1/cases/{id}/exclusions",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["user", "reason"],
          "properties": {"user": {"type": "integer"}, "reason": {"enum": ["declared_relation", "conflict_of_interest"]}}})", 201, created}},
      {"POST /api/v1/cases/{id}/emergency-access",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["reason", "password"],
          "properties": {"reason": {"type": "string", "minLength": 10, "maxLength": 2000},
            "password": {"type": "string", "maxLength": 256, "description": "a fresh confirmation"}}})",
        201, R"({"type": "object", "required": ["id", "expires_at"], "properties": {"id": {"type": "integer"},
          "expires_at": {"type": "string", "format": "date-time"}}})"}},
      {"GET /api/v1/emergency-access",
       {{}, {}, 200, R"({"type": "object", "required": ["emergency_access"], "properties": {"emergency_access": {"type": "array",
          "items": {"type": "object", "properties": {"id": {"type": "integer"}, "user": {"type": "integer"}, "case": {"type": "integer"},
            "reason": {"type": "string"}, "granted_at": {"type": "string"}, "expires_at": {"type": "string"}}}}}})"}},
      {"POST /api/v1/emergency-access/{id}/review",
       {json, R"({"type": "object", "additionalProperties": false, "properties": {"note": {"type": "string", "maxLength": 2000}}})", 204, {}}},
      {"POST /api/v1/cases/{id}/care-notes",
       {json, R"({"type": "object", "additionalProperties": false, "required": ["text"],
          "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 10000}}})", 201, created}},
      {"GET /api/v1/audit", {{}, {}, 200, R"({"$ref": "#/components/schemas/audit_entries"})"}},
      {"GET /api/v1/audit/verification",
       {{}, {}, 200, R"({"type": "object", "required": ["verifies", "entries"], "properties": {
          "verifies": {"type": "boolean"}, "entries": {"type": "integer", "description": "entries checked"},
          "first_bad": {"type": "integer"}, "problem": {"type": "string"}}})"}},
      {"GET /api/v1/cases/{id}/access-log", {{}, {}, 200, R"({"$ref": "#/components/schemas/audit_entries"})"}},
      {"GET /api/v1/stats",
       {{}, {}, 200, R"({"type": "object", "description": "the evaluation figures for the period, as defined in docs/figures.md",
          "properties": {"period": {"type": "object"}, "reports": {"type": "object"}, "report_to_triage": {"type": "object"},
            "triage_to_first_contact": {"type": "object"}, "cases": {"type": "object"}, "overdue": {"type": "object"},
            "partners": {"type": "object"}, "round_tables": {"type": "object"}, "interventions": {"type": "object"},
            "caseload": {"type": "object"}, "repeat_reports": {"type": "object"}, "screenings": {"type": "object"}}})"}},
      // The front end's views.
      {"GET /api/v1/reports/{id}",
       {{}, {}, 200, R"({"type": "object", "description": "one report for the triage desk: no addresses, phone numbers or national numbers",
          "properties": {"report": {"type": "object"}, "proposal": {"$ref": "#/components/schemas/triage_proposal"},
            "decision": {"type": ["object", "null"]}, "history": {"type": "object"}}})"}},
      {"GET /api/v1/tasks",
       {{}, {}, 200, R"({"type": "object", "required": ["tasks"], "properties": {"tasks": {"type": "array", "items": {"type": "object"}}}})"}},
  };
  return all;
}

}  // namespace casechain::api
