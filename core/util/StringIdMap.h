#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace fundtrace::util {

// Maps strings to positive ids with open addressing: one probe array of hash, id and key, the
// keys copied into 1 MiB chunks that never move. Built for the import's hot path, where a
// node-based std::unordered_map spends most of its time on cache misses (and one growing string
// of keys spent a fifth of this map's time copying itself and faulting in fresh pages). Callers
// supply the hash (the importer already computes a stable 64-bit hash of each text).
class StringIdMap {
public:
    // Returns the id stored for `key`, or 0.
    std::int64_t find(std::string_view key, std::uint64_t hash) const;
    // Stores `id` (> 0) for a key that is not yet present.
    void insert(std::string_view key, std::uint64_t hash, std::int64_t id);
    std::size_t size() const { return m_size; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::int64_t id = 0; // 0 = empty
        const char *key = nullptr;
        std::size_t length = 0;
    };
    void grow();
    const char *store(std::string_view key);

    std::vector<Slot> m_slots = std::vector<Slot>(1024);
    std::vector<std::unique_ptr<char[]>> m_chunks;
    std::size_t m_chunkSize = 0;
    std::size_t m_chunkUsed = 0;
    std::size_t m_size = 0;
};

// 64-bit FNV-1a of the bytes: stable across platforms and library versions (std::hash is not),
// so it can be stored in the case.
std::uint64_t fnv1a64(std::string_view bytes);

} // namespace fundtrace::util
