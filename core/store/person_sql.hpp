#pragma once
// The one statement that adds a person, shared by the family store and intake.

namespace casechain::core::store {

inline constexpr auto insert_person_sql =
    "INSERT INTO persons (first_name, last_name, birth_date, gender, national_id, created_at, first_key, last_key) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

}  // namespace casechain::core::store
