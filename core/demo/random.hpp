#pragma once
// The demo generator's own pseudo-random numbers: splitmix64 for seeding and
// hashing, xoshiro256** for streams. Every operation is integer arithmetic or
// a single IEEE double comparison, so a seed gives the same numbers with any
// compiler and standard library (std::uniform_*_distribution does not).
// Not for anything secret. One rng per thread; it is a plain value.

#include <array>
#include <cstddef>
#include <cstdint>

namespace casechain::core::demo {

// The splitmix64 finaliser: a bijection on 64-bit values, used to derive
// independent seeds (distinct inputs never give the same output).
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A seed for the `index`-th member of a family of streams.
constexpr std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t index) {
  return mix64(seed + (index + 1) * 0x9e3779b97f4a7c15ULL);
}

class rng {
 public:
  explicit rng(std::uint64_t seed) {
    for (auto& word : state_) {
      seed += 0x9e3779b97f4a7c15ULL;
      word = mix64(seed);
    }
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n) by multiply-shift (bias below 2^-32); 0 when n is 0.
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
  }
  std::size_t index(std::size_t n) { return below(static_cast<std::uint32_t>(n)); }

  // Uniform in [lo, hi]; lo when hi < lo.
  int between(int lo, int hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  bool chance(double p) { return uniform() < p; }

  // An index drawn with the given integer weights; 0 when all are zero.
  template <class Weights>
  std::size_t weighted(const Weights& weights) {
    std::uint32_t total = 0;
    for (auto w : weights) total += static_cast<std::uint32_t>(w);
    if (total == 0) return 0;
    std::uint32_t pick = below(total);
    std::size_t i = 0;
    for (auto w : weights) {
      if (pick < static_cast<std::uint32_t>(w)) return i;
      pick -= static_cast<std::uint32_t>(w);
      ++i;
    }
    return i - 1;
  }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::array<std::uint64_t, 4> state_{};
};

}  // namespace casechain::core::demo
