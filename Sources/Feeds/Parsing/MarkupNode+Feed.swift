import Markup

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension MarkupNode {
    /// The element's name without any prefix libxml2 kept (an undeclared `dc:date` stays
    /// `dc:date` in recover mode).
    var localName: String {
        let name = self.name
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// The child elements named `local`, those in `namespaces` (nil for none) first.
    func children(_ local: String, preferring namespaces: Set<String?>) -> [MarkupNode] {
        let matching = elements.filter { $0.localName == local }
        return matching.filter { namespaces.contains($0.namespace) } + matching.filter { !namespaces.contains($0.namespace) }
    }

    /// The trimmed text of the first child named `local` that has some.
    func childText(_ local: String, preferring namespaces: Set<String?>) -> String? {
        for child in children(local, preferring: namespaces) {
            let text = child.text.trimmed()
            if !text.isEmpty { return text }
        }
        return nil
    }
}
