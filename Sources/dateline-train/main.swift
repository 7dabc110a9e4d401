import Extraction
import Foundation

// dateline-train: trains the entity tagger's weights from annotated corpora, and scores them.
//
//   dateline-train train CORPORA [--out FILE] [--epochs N] [--seed N]
//       trains on CORPORA/conll2003/train.txt and, when present, CORPORA/wikigold/wikigold.conll.txt,
//       reports the CoNLL-2003 development split (CORPORA/conll2003/valid.txt, "testa") and writes
//       the weights (default: data/knowledge/entity-tagger.bin)
//   dateline-train evaluate FILE.conll [--model FILE]
//       conlleval-style precision, recall and F1 of the weights on one annotated file
//
// Run from the repository: the knowledge base (gazetteer features) is read from data/knowledge.
// The CoNLL-2003 test split ("testb") is held out for independent evaluation: never pass it here.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("dateline-train: " + message + "\n").utf8))
    exit(2)
}

func option(_ name: String, in arguments: [String]) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

func corpus(at path: String) -> CoNLLCorpus {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    return CoNLLCorpus(text: text)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let knowledgeDirectory = ProcessInfo.processInfo.environment["DATELINE_KNOWLEDGE_DIRECTORY"] ?? "data/knowledge"
let folder = URL(fileURLWithPath: knowledgeDirectory, isDirectory: true)
let defaultModel = folder.appendingPathComponent(KnowledgeBase.taggerFile).path
let knowledge: KnowledgeBase
do {
    knowledge = try KnowledgeBase(
        knowledge: folder.appendingPathComponent("knowledge.json"),
        places: folder.appendingPathComponent("places.tsv"))
} catch {
    fail("cannot read the knowledge base in \(knowledgeDirectory): \(error)")
}

switch arguments.first {
case "train":
    guard arguments.count >= 2 else { fail("usage: dateline-train train CORPORA [--out FILE] [--epochs N] [--seed N]") }
    let root = URL(fileURLWithPath: arguments[1], isDirectory: true)
    let out = option("--out", in: arguments) ?? defaultModel
    let epochs = Int(option("--epochs", in: arguments) ?? "") ?? 12
    let seed = UInt64(option("--seed", in: arguments) ?? "") ?? 2003
    var corpora = [corpus(at: root.appendingPathComponent("conll2003/train.txt").path)]
    let wikigold = root.appendingPathComponent("wikigold/wikigold.conll.txt").path
    if FileManager.default.fileExists(atPath: wikigold) { corpora.append(corpus(at: wikigold)) }
    for c in corpora { print("training corpus: \(c.documentCount) documents, \(c.wordCount) words") }
    let started = Date()
    let model = EntityTaggerTraining.train(corpora, knowledge: knowledge, epochs: epochs, seed: seed) { epoch, accuracy in
        print("epoch \(epoch): training accuracy \(String(format: "%.4f", accuracy))")
    }
    print("trained in \(Int(Date().timeIntervalSince(started))) s; \(model.count) bytes of weights")
    do {
        try Data(model).write(to: URL(fileURLWithPath: out))
    } catch {
        fail("cannot write \(out): \(error)")
    }
    print("wrote \(out)")
    let development = root.appendingPathComponent("conll2003/valid.txt").path
    if FileManager.default.fileExists(atPath: development) {
        print("CoNLL-2003 development split (testa):")
        print(try EntityTaggerTraining.evaluate(model: model, knowledge: knowledge, on: corpus(at: development)))
    }
case "evaluate":
    guard arguments.count >= 2 else { fail("usage: dateline-train evaluate FILE.conll [--model FILE]") }
    let path = option("--model", in: arguments) ?? defaultModel
    guard let model = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    print(try EntityTaggerTraining.evaluate(model: [UInt8](model), knowledge: knowledge, on: corpus(at: arguments[1])))
default:
    fail("usage: dateline-train train CORPORA | evaluate FILE.conll")
}
