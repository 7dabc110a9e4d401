import Foundation

/// Reads the files `dateline import` is given into ``ImportItem``s, in order:
///
/// - `.ndjson` and `.jsonl`: one article a line, sent as written (the server judges each line);
/// - `.json`: an array of articles, or one article;
/// - a folder: its `.ndjson`, `.jsonl`, `.json`, `.txt`, `.html` and `.htm` files, by name, and
///   its subfolders'. A text file's first line is its title and the rest its body; an HTML
///   file is sent as `html` for the server to read. Either takes its metadata (`title`,
///   `publishedAt`, `source`, `language`) from a `.json` file of the same name beside it when
///   there is one (which is then not an article itself), else from `defaults`.
public struct ImportReader: Sendable {
    /// What a text or HTML file without metadata beside it is given.
    public struct Defaults: Sendable {
        /// `source.name`; when nil, a text file gets `import` and an HTML file none (the
        /// server reads the page's publication name).
        public var sourceName: String?
        /// `publishedAt` (`YYYY-MM-DD`); when nil, a text file gets its modification day and an
        /// HTML file none (the server reads the page's date).
        public var publishedAt: String?

        public init(sourceName: String? = nil, publishedAt: String? = nil) {
            self.sourceName = sourceName
            self.publishedAt = publishedAt
        }
    }

    public var defaults: Defaults

    public init(defaults: Defaults = Defaults()) {
        self.defaults = defaults
    }

    static let articleExtensions: Set<String> = ["ndjson", "jsonl", "json", "txt", "html", "htm"]
    /// The extensions of text and HTML files, which may have metadata in a `.json` beside them.
    static let textExtensions: Set<String> = ["txt", "html", "htm"]

    /// The items of every path, in the order given; a path that cannot be read is one failed item.
    public func items(paths: [String]) -> [ImportItem] {
        paths.flatMap { path in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                return [ImportItem(origin: path, problem: "no such file or folder")]
            }
            return isFolder.boolValue ? folderItems(path) : fileItems(path, metadata: nil)
        }
    }

    private func folderItems(_ folder: String) -> [ImportItem] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return [ImportItem(origin: folder, problem: "the folder cannot be read")]
        }
        let stems = Set(names.filter { Self.textExtensions.contains(Self.fileExtension($0)) }.map(Self.stem))
        return names.sorted().flatMap { name -> [ImportItem] in
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if isFolder.boolValue {
                // A linked folder is not followed: a link back up would never end.
                let isLink = (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
                return isLink ? [] : folderItems(path)
            }
            let kind = Self.fileExtension(name)
            guard Self.articleExtensions.contains(kind) else { return [] }
            // A .json beside a text or HTML file of the same name is that file's metadata.
            if kind == "json" && stems.contains(Self.stem(name)) { return [] }
            let metadataPath = folder + "/" + Self.stem(name) + ".json"
            let metadata = Self.textExtensions.contains(kind) ? Self.object(atPath: metadataPath) : nil
            return fileItems(path, metadata: metadata)
        }
    }

    private func fileItems(_ path: String, metadata: [String: Any]?) -> [ImportItem] {
        guard let data = FileManager.default.contents(atPath: path) else {
            return [ImportItem(origin: path, problem: "the file cannot be read")]
        }
        switch Self.fileExtension(path) {
        case "ndjson", "jsonl": return Self.lines(of: Array(data), path: path)
        case "json": return Self.arrayItems(data, path: path)
        case "html", "htm": return [htmlItem(data, path: path, metadata: metadata ?? [:])]
        default: return [textItem(data, path: path, metadata: metadata ?? [:])]
        }
    }

    /// The non-blank lines of an NDJSON file, numbered from 1.
    static func lines(of bytes: [UInt8], path: String) -> [ImportItem] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            guard trimmed.contains(where: { ![0x20, 0x09].contains($0) }) else { return nil }
            return ImportItem(origin: "\(path):\(index + 1)", line: Array(trimmed))
        }
    }

    /// The elements of a JSON array file (or the one object it holds), each as one line.
    static func arrayItems(_ data: Data, path: String) -> [ImportItem] {
        guard let tree = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return [ImportItem(origin: path, problem: "the file is not well-formed JSON")]
        }
        let elements = (tree as? [Any]) ?? [tree]
        return elements.enumerated().map { index, element in
            let origin = tree is [Any] ? "\(path)[\(index)]" : path
            guard JSONSerialization.isValidJSONObject(element) else {
                return ImportItem(origin: origin, line: Array(Self.scalarJSON(element).utf8))
            }
            return ImportItem(origin: origin, line: Self.encode(element))
        }
    }

    private func textItem(_ data: Data, path: String, metadata: [String: Any]) -> ImportItem {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.first?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { lines.removeFirst() }
        let firstLine = lines.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var article = metadata
        let title = (article["title"] as? String) ?? firstLine
        if lines.first?.trimmingCharacters(in: .whitespacesAndNewlines) == title { lines.removeFirst() }
        article["title"] = title
        article["body"] = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        article["publishedAt"] = article["publishedAt"] ?? defaults.publishedAt ?? Self.modificationDay(path)
        article["source"] = article["source"] ?? ["name": defaults.sourceName ?? "import"]
        article.removeValue(forKey: "file")
        return ImportItem(origin: path, line: Self.encode(article))
    }

    private func htmlItem(_ data: Data, path: String, metadata: [String: Any]) -> ImportItem {
        var article = metadata
        article["html"] = String(decoding: data, as: UTF8.self)
        if article["publishedAt"] == nil, let day = defaults.publishedAt { article["publishedAt"] = day }
        if article["source"] == nil, let name = defaults.sourceName { article["source"] = ["name": name] }
        article.removeValue(forKey: "file")
        return ImportItem(origin: path, line: Self.encode(article))
    }

    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    private static func object(atPath path: String) -> [String: Any]? {
        FileManager.default.contents(atPath: path).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    /// The UTC day a file was last modified, `YYYY-MM-DD`.
    private static func modificationDay(_ path: String) -> String? {
        guard let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    private static func encode(_ object: Any) -> [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8))
    }

    /// A bare string, number or null element, written back as JSON so that the server says why
    /// it is no article.
    private static func scalarJSON(_ value: Any) -> String {
        if let text = value as? String { return String(decoding: encode([text]).dropFirst().dropLast(), as: UTF8.self) }
        if value is NSNull { return "null" }
        return "\(value)"
    }
}
