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
       {{}, {}, 200, R"({"type": "object", "required": ["case", "access"], "properties": {
          "case": {"$ref": "#/components/schemas/case_summary"}, "access": {"enum": ["summary", "read"]},
          "members": {"type": "array", "items": {"type": "integer"}, "description": "organisation ids; with read access"},
          "next_steps": {"type": "array", "description": "with read access", "items": {"type": "object",
            "required": ["step", "unmet_guards"], "properties": {"step": {"$ref": "#/components/schemas/step"},
            "unmet_guards": {"type": "array", "items": {"type": "object", "required": ["id", "text"],
              "properties": {"id": {"type": "string"}, "text": {"type": "string"}}}}}}}}})"}},
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
       {{}, {}, 200, R"({"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {
          "type": "object", "required": ["case", "clock", "due", "days_late", "why"], "properties": {
          "case": {"type": "integer"}, "clock": {"type": "string"}, "due": {"type": "string", "format": "date"},
          "days_late": {"type": "integer"}, "why": {"type": "string"}}}}}})"}},
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
  };
  return all;
}

}  // namespace casechain::api
