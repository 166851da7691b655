#include "util/StringIdMap.h"

#include <algorithm>
#include <cstring>

namespace fundtrace::util {
namespace {

constexpr std::size_t kChunkBytes = std::size_t(1) << 20;

} // namespace

std::uint64_t fnv1a64(std::string_view bytes)
{
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

std::int64_t StringIdMap::find(std::string_view key, std::uint64_t hash) const
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.id == 0)
            return 0;
        if (slot.hash == hash && slot.length == key.size()
            && (key.empty() || std::memcmp(slot.key, key.data(), key.size()) == 0))
            return slot.id;
    }
}

void StringIdMap::insert(std::string_view key, std::uint64_t hash, std::int64_t id)
{
    if ((m_size + 1) * 4 > m_slots.size() * 3) // keep the load under 3/4
        grow();
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    while (m_slots[i].id != 0)
        i = (i + 1) & mask;
    m_slots[i] = { hash, id, store(key), key.size() };
    ++m_size;
}

const char *StringIdMap::store(std::string_view key)
{
    if (m_chunkUsed + key.size() > m_chunkSize) {
        m_chunkSize = std::max(kChunkBytes, key.size()); // a longer key gets a chunk of its own
        m_chunks.push_back(std::make_unique_for_overwrite<char[]>(m_chunkSize));
        m_chunkUsed = 0;
    }
    char *at = m_chunks.back().get() + m_chunkUsed;
    if (!key.empty())
        std::memcpy(at, key.data(), key.size());
    m_chunkUsed += key.size();
    return at;
}

void StringIdMap::grow()
{
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.id == 0)
            continue;
        std::size_t i = slot.hash & mask;
        while (m_slots[i].id != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

} // namespace fundtrace::util
