#include "core/crypto/sealer.hpp"

#include <doctest/doctest.h>

#include <memory>

using namespace casechain;
using namespace casechain::core;
using namespace casechain::core::crypto;

namespace {

std::shared_ptr<const data_keys> fresh_ring() { return std::make_shared<const data_keys>(data_keys::generate()); }

const field_address narrative_of_7{"reports", "narrative_sealed", 7};

std::string text_of(const sealed_blob& blob) { return {blob.begin(), blob.end()}; }

}  // namespace

TEST_SUITE("core/crypto/sealer") {
  TEST_CASE("a sealed value opens at its own address, including the empty value") {
    sealer s(fresh_ring());
    for (std::string value : {std::string("Hij sloeg haar. Kanarie-7731."), std::string(), std::string(5000, 'x'),
                              std::string("nul\0byte", 8)}) {
      auto blob = s.seal(value, narrative_of_7);
      CHECK(blob.size() == sealed_overhead + value.size());
      CHECK(text_of(blob).find("Kanarie") == std::string::npos);
      auto opened = s.open(blob, narrative_of_7);
      REQUIRE(opened);
      CHECK(*opened == value);
    }
  }

  TEST_CASE("the blob names its format and key version; each seal draws a new nonce") {
    auto ring = std::make_shared<data_keys>(data_keys::generate());
    ring->add_version();
    ring->add_version();
    sealer s(ring);
    auto a = s.seal("same value", narrative_of_7);
    auto b = s.seal("same value", narrative_of_7);
    CHECK(a[0] == sealed_format);
    CHECK(sealer::version_of(a) == key_version{3});
    CHECK(a != b);  // random nonce: equal values do not look equal
    CHECK(std::equal(a.begin() + 5, a.begin() + 17, b.begin() + 5) == false);
    CHECK_FALSE(sealer::version_of(sealed_blob(10, 1)));
  }

  TEST_CASE("flipping any one byte of a blob makes open() fail") {
    sealer s(fresh_ring());
    const auto blob = s.seal("Lange Leemstraat 12", narrative_of_7);
    for (size_t i = 0; i < blob.size(); ++i) {
      CAPTURE(i);
      auto tampered = blob;
      tampered[i] ^= 0x01;
      auto opened = s.open(tampered, narrative_of_7);
      REQUIRE_FALSE(opened);
      CHECK(opened.error().code == errc::failed_precondition);
    }
    const sealed_blob cut(blob.begin(), blob.end() - 1);
    CHECK_FALSE(s.open(cut, narrative_of_7));
    CHECK_FALSE(s.open(sealed_blob(blob.begin(), blob.begin() + 20), narrative_of_7));
  }

  TEST_CASE("a value moved to another row, position, column or table does not open") {
    sealer s(fresh_ring());
    const auto blob = s.seal("0470 12 34 56", {"report_persons", "phone_sealed", 7, 1});
    CHECK(s.open(blob, {"report_persons", "phone_sealed", 7, 1}));
    CHECK_FALSE(s.open(blob, {"report_persons", "phone_sealed", 8, 1}));
    CHECK_FALSE(s.open(blob, {"report_persons", "phone_sealed", 7, 2}));
    CHECK_FALSE(s.open(blob, {"report_persons", "address_sealed", 7, 1}));
    CHECK_FALSE(s.open(blob, {"reports", "phone_sealed", 7, 1}));
    // Table and column are kept apart in the associated data: "ab"+"c" is not "a"+"bc".
    const auto joined = s.seal("x", {"ab", "c", 1});
    CHECK_FALSE(s.open(joined, {"a", "bc", 1}));
  }

  TEST_CASE("a key version the ring does not hold, or another ring's key, is refused with a clear message") {
    auto ring = std::make_shared<data_keys>(data_keys::generate());
    const auto old_blob = sealer(ring).seal("Kanarie", narrative_of_7);
    ring->add_version();
    const auto new_blob = sealer(ring).seal("Kanarie", narrative_of_7);
    CHECK(sealer::version_of(new_blob) == key_version{2});
    REQUIRE(ring->retire(1));
    sealer after_retirement(ring);
    auto refused = after_retirement.open(old_blob, narrative_of_7);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("key version 1") != std::string::npos);
    CHECK(refused.error().message.find("reports.narrative_sealed of row 7") != std::string::npos);
    CHECK(refused.error().message.find("Kanarie") == std::string::npos);
    CHECK(after_retirement.open(new_blob, narrative_of_7));

    sealer other(fresh_ring());  // holds a version 1 too, with another key
    auto foreign = other.open(sealer(fresh_ring()).seal("Kanarie", narrative_of_7), narrative_of_7);
    REQUIRE_FALSE(foreign);
    CHECK(foreign.error().message.find("Kanarie") == std::string::npos);

    // Relabelling a blob with another version the ring holds does not open either.
    ring->add_version();
    sealer with_three(ring);
    auto relabelled = new_blob;
    relabelled[4] = 3;
    CHECK(with_three.open(new_blob, narrative_of_7));
    CHECK_FALSE(with_three.open(relabelled, narrative_of_7));
  }
}
