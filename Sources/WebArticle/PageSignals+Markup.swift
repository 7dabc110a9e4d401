import Markup

extension PageSignals {
    /// Gathers the signals of a whole document, walking it once without recursion.
    init(document root: MarkupNode) {
        self.init()
        rootLanguage = root.attribute("lang") ?? root.attribute("xml:lang")
        var stack: [MarkupNode] = [root]
        while let node = stack.popLast() {
            // Only elements are ever pushed; each name is read once.
            let name = node.name
            read(node, named: name)
            guard name != "script" && name != "style" else { continue }
            var child = node.firstChild
            var children: [MarkupNode] = []
            while let current = child {
                if current.isElement { children.append(current) }
                child = current.nextSibling
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    private mutating func read(_ node: MarkupNode, named name: String) {
        let itemprop = node.attribute("itemprop")?.lowercased()
        switch name {
        case "meta":
            guard let content = node.attribute("content") else { return }
            for key in ["name", "property", "itemprop", "http-equiv"] {
                if let name = node.attribute(key)?.lowercased(), !name.isEmpty, metas[name] == nil { metas[name] = content }
            }
        case "link":
            guard let href = node.attribute("href"), let rel = node.attribute("rel")?.lowercased() else { return }
            for word in rel.split(separator: " ") where links[String(word)] == nil { links[String(word)] = href }
        case "script":
            if node.attribute("type")?.lowercased().contains("ld+json") == true { linkedDataScripts.append(node.text) }
        case "title":
            if title == nil { title = Whitespace.normalize(node.text) }
        case "time":
            if let value = node.attribute("datetime") { times.append(value) }
        case "h1":
            headings.append(Whitespace.normalize(node.text))
        default:
            break
        }
        switch authorMark(node, named: name, itemprop: itemprop) {
        case .explicit:
            let text = Whitespace.normalize(node.text)
            if !text.isEmpty, text.count < 120 { explicitAuthorTexts.append(text) }
        case .byClass:
            // Class-marked bylines often carry the date and a "By"; only short, dateless ones are names.
            let text = Whitespace.normalize(node.text)
            if !text.isEmpty, text.count < 60, !text.contains(where: \.isNumber) { bylineTexts.append(text) }
        case .none:
            break
        }
        if itemprop == "datepublished", let value = node.attribute("datetime") ?? node.attribute("content") {
            times.insert(value, at: 0)
        }
    }

    private enum AuthorMark {
        case none
        /// `rel=author` or `itemprop=author`.
        case explicit
        /// A class or id naming the author or byline.
        case byClass
    }

    private func authorMark(_ node: MarkupNode, named name: String, itemprop: String?) -> AuthorMark {
        if name == "meta" || name == "link" { return .none }
        if node.attribute("rel")?.lowercased().split(separator: " ").contains("author") == true { return .explicit }
        if itemprop == "author" { return .explicit }
        let hints = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
        guard hints.contains("author") || hints.contains("byline"), !hints.contains("comment") else { return .none }
        let words = BoilerplateHints.words(of: hints)
        return words.contains { $0 == "byline" || $0 == "author" || $0 == "authorname" } ? .byClass : .none
    }
}
