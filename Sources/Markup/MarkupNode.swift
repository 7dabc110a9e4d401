import CLibXML2

/// An element or a text node of a ``MarkupDocument``; it keeps its document alive.
public struct MarkupNode {
    let pointer: xmlNodePtr
    /// The document that owns the node.
    public let document: MarkupDocument

    init(_ pointer: xmlNodePtr, in document: MarkupDocument) {
        self.pointer = pointer
        self.document = document
    }

    /// Whether this is an element (rather than text, a comment or CDATA).
    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// Whether this is text or CDATA.
    public var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// Whether this is a comment (`<!-- ... -->`).
    public var isComment: Bool { pointer.pointee.type == XML_COMMENT_NODE }

    /// The text a text, CDATA or comment node holds itself, read without walking any subtree; empty for elements.
    public var ownText: String {
        guard !isElement, let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// The element's local name, lowercased (`p`, `item`, `entry`); empty for other nodes.
    public var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The namespace URI of an element, if it has one.
    public var namespace: String? {
        pointer.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    }

    /// The node's text: its own for text, all its descendants' for an element.
    public var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { dateline_xml_free(content) }
        return String(cString: content)
    }

    /// The value of an attribute, matched without regard to case.
    public func attribute(_ name: String) -> String? {
        // Compared in C, without a Swift string per attribute: elements are asked this often.
        name.withCString { wanted in
            wanted.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { wanted in
                var attribute = pointer.pointee.properties
                while let current = attribute {
                    if let attributeName = current.pointee.name, xmlStrcasecmp(attributeName, wanted) == 0 {
                        return Self.value(of: current)
                    }
                    attribute = current.pointee.next
                }
                return nil
            }
        }
    }

    /// Every attribute, in document order, names lowercased.
    public var attributes: [(name: String, value: String)] {
        var all: [(name: String, value: String)] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                all.append((String(cString: name).lowercased(), Self.value(of: current)))
            }
            attribute = current.pointee.next
        }
        return all
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        // The common case, one text child, is read in place; entity references fall back to libxml2.
        if let child = attribute.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE,
            let content = child.pointee.content
        {
            return String(cString: content)
        }
        guard let value = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)) else {
            return ""
        }
        defer { dateline_xml_free(value) }
        return String(cString: value)
    }

    /// The parent element, if any.
    public var parent: MarkupNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return MarkupNode(parent, in: document)
    }

    /// The first child node (element, text or other), if any.
    public var firstChild: MarkupNode? {
        pointer.pointee.children.map { MarkupNode($0, in: document) }
    }

    /// The next node under the same parent, if any.
    public var nextSibling: MarkupNode? {
        pointer.pointee.next.map { MarkupNode($0, in: document) }
    }

    /// The child nodes, in document order: elements, text and the rest.
    public var children: [MarkupNode] {
        var nodes: [MarkupNode] = []
        var child = pointer.pointee.children
        while let current = child {
            nodes.append(MarkupNode(current, in: document))
            child = current.pointee.next
        }
        return nodes
    }

    /// The child elements, in document order.
    public var elements: [MarkupNode] { children.filter(\.isElement) }

    /// Every element below this one, depth first in document order.
    public var descendants: [MarkupNode] {
        var found: [MarkupNode] = []
        func visit(_ node: MarkupNode) {
            for child in node.elements {
                found.append(child)
                visit(child)
            }
        }
        visit(self)
        return found
    }

    /// The first element below this one named `name`, depth first.
    public func first(_ name: String) -> MarkupNode? {
        for child in elements {
            if child.name == name { return child }
            if let found = child.first(name) { return found }
        }
        return nil
    }
}
