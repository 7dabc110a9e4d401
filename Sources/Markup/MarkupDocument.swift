import CLibXML2

/// A parsed HTML or XML document, read through libxml2 and never changed afterwards.
///
/// Both parsers recover from the malformed markup found on the web (unclosed tags, stray
/// ampersands, bad nesting) instead of failing, never touch the network, and never expand
/// external entities.
///
/// ```swift
/// let page = MarkupDocument.html(Array(html.utf8))
/// let title = page?.root?.first("title")?.text
/// ```
public final class MarkupDocument: @unchecked Sendable {
    // Unchecked: the tree is only read after parsing, and libxml2's readers keep no state.
    let pointer: xmlDocPtr

    private init(_ pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit { xmlFreeDoc(pointer) }

    /// libxml2's global set-up, run once before the first parse: older versions are not safe when
    /// two threads trigger it at the same time.
    private static let parserReady: Void = xmlInitParser()

    /// Parses an HTML page. `encoding` (an IANA charset name) overrides what the page declares;
    /// without either, libxml2 detects it.
    public static func html(_ bytes: [UInt8], url: String? = nil, encoding: String? = nil) -> MarkupDocument? {
        parserReady
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(clamping: buffer.count), url, encoding, options)
                }
            }
        }
        return document.map(MarkupDocument.init)
    }

    /// Parses an XML document (a feed), recovering what it can from malformed input.
    public static func xml(_ bytes: [UInt8], url: String? = nil) -> MarkupDocument? {
        parserReady
        let options = Int32(
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NONET.rawValue
                | XML_PARSE_NOCDATA.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(clamping: buffer.count), url, nil, options)
                }
            }
        }
        return document.map(MarkupDocument.init)
    }

    /// The root element.
    public var root: MarkupNode? {
        xmlDocGetRootElement(pointer).map { MarkupNode($0, in: self) }
    }
}
