#pragma once

#include <QString>
#include <cstdint>
#include <utility>
#include <vector>

namespace fundtrace::import {

// One element of a small XML subtree (a list entry, a goAML transaction) read into memory so its
// fields can be looked up in any order. Names are local names: namespace prefixes are dropped.
struct XmlNode {
    QString name;
    QString text;                                    // trimmed character data directly inside
    std::int64_t line = 0;
    std::vector<std::pair<QString, QString>> attributes;
    std::vector<XmlNode> children;

    const XmlNode *child(QStringView childName) const
    {
        for (const XmlNode &node : children)
            if (node.name == childName)
                return &node;
        return nullptr;
    }
    // The text of the first child of that name, or "" when there is none.
    QString childText(QStringView childName) const
    {
        const XmlNode *node = child(childName);
        return node ? node->text : QString();
    }
    std::vector<const XmlNode *> childrenNamed(QStringView childName) const
    {
        std::vector<const XmlNode *> found;
        for (const XmlNode &node : children)
            if (node.name == childName)
                found.push_back(&node);
        return found;
    }
    QString attribute(QStringView attributeName) const
    {
        for (const auto &[key, value] : attributes)
            if (key == attributeName)
                return value;
        return {};
    }
};

} // namespace fundtrace::import
