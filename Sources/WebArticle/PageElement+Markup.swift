import Markup

extension PageElement {
    /// Elements never read as text: code, media, controls and the document head.
    static let unreadTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
        "head", "select", "option", "button", "input", "textarea", "map", "picture", "source", "img", "link", "meta",
    ]

    /// How deep the copy goes; anything below is flattened into text so later passes stay shallow.
    static let depthLimit = 160

    /// Copies the readable part of `node`'s subtree: no comments, no unread tags, no hidden elements.
    static func build(from node: MarkupNode) -> PageElement {
        let top = PageElement(name: node.name.isEmpty ? "body" : node.name)
        fill(top, from: node)
        return top
    }

    private static func fill(_ element: PageElement, from node: MarkupNode) {
        var child = node.firstChild
        while let current = child {
            child = current.nextSibling
            if current.isText {
                element.children.append(.text(current.ownText))
            } else if current.isElement {
                let name = current.name
                if unreadTags.contains(name) || isHidden(current) { continue }
                if element.depth >= depthLimit {
                    element.children.append(.text(" " + flattenedText(of: current) + " "))
                    continue
                }
                let hints = [current.attribute("class"), current.attribute("id")].compactMap { $0 }.joined(separator: " ").lowercased()
                let sub = PageElement(
                    name: name, hints: hints, role: current.attribute("role")?.lowercased() ?? "",
                    itemProperty: current.attribute("itemprop")?.lowercased() ?? "", parent: element)
                fill(sub, from: current)
                element.children.append(.element(sub))
            }
        }
    }

    private static func isHidden(_ node: MarkupNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        guard let style = node.attribute("style")?.lowercased() else { return false }
        let compact = style.filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    /// All text below `node`, walked with an explicit stack so depth cannot exhaust the call stack.
    private static func flattenedText(of node: MarkupNode) -> String {
        var pieces: [String] = []
        var stack: [MarkupNode] = [node]
        while let current = stack.popLast() {
            if current.isText {
                pieces.append(current.ownText)
                continue
            }
            guard current.isElement, !unreadTags.contains(current.name) else { continue }
            var children: [MarkupNode] = []
            var child = current.firstChild
            while let next = child {
                children.append(next)
                child = next.nextSibling
            }
            stack.append(contentsOf: children.reversed())
        }
        return pieces.joined(separator: " ")
    }
}
