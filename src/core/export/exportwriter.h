#pragma once

#include "export/exportdata.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace bw {

// The export formats of PRODUCT.md §5. JSON and CSV live in this library (JsonExporter,
// CsvExporter); HTML and PDF live in batchwatch_report, whose Exporter covers all four.
enum class ExportFormat { Json, Csv, Html, Pdf };

// Stable, untranslated keys, also the file suffixes: "json", "csv", "html", "pdf".
QString exportFormatKey(ExportFormat format);
// Case-insensitive, surrounding blanks ignored; also takes "htm". nullopt for anything else.
std::optional<ExportFormat> exportFormatFromKey(QStringView key);
// From a file name's suffix ("report.PDF" -> Pdf); nullopt when it has no known suffix.
std::optional<ExportFormat> exportFormatFromFileName(const QString &fileName);
// "application/json", "text/csv", "text/html", "application/pdf".
QString exportFormatMimeType(ExportFormat format);
// Every format, in menu order.
QList<ExportFormat> exportFormats();

// Progress of a running export: `done` of `total` units, called on the thread that runs the
// export, first with done == 0, last with done == total. Returning false cancels the export
// at the next unit boundary. Units are jobs, except that a PDF report counts every job twice
// (it lays the document out, then paints it). Keep it cheap: it may be called once per job.
using ExportProgress = std::function<bool(int done, int total)>;

struct ExportResult
{
    enum class Outcome {
        Written,   // the file is complete and in place
        Cancelled, // the progress callback said stop; the previous file (if any) is untouched
        Failed,    // see errorString; the previous file (if any) is untouched
    };

    Outcome outcome = Outcome::Failed;
    QString errorString; // Failed: one readable sentence naming the file; empty otherwise
    QString path;        // the target, as given
    int jobCount = 0;    // jobs in the written file (Written only)
    qint64 bytes = 0;    // size of the written file (Written only)

    bool ok() const { return outcome == Outcome::Written; }

    static ExportResult written(int jobs)
    {
        ExportResult r;
        r.outcome = Outcome::Written;
        r.jobCount = jobs;
        return r;
    }
    static ExportResult cancelled()
    {
        ExportResult r;
        r.outcome = Outcome::Cancelled;
        return r;
    }
    static ExportResult failed(QString why)
    {
        ExportResult r;
        r.outcome = Outcome::Failed;
        r.errorString = std::move(why);
        return r;
    }
};

// Serialises an ExportInput in one format onto a device. Stateless between calls apart from
// its options, so one writer may be reused; a writer object is used by one thread at a time.
class ExportWriter
{
public:
    virtual ~ExportWriter();
    virtual ExportFormat format() const = 0;

    // Writes the whole document to `device` (open for writing; the writer neither opens nor
    // closes it, so it may be a QSaveFile, a QBuffer or stdout). Streams job by job: memory
    // stays bounded by one job's output, not the whole file. Returns Written, Cancelled (the
    // progress callback returned false; the device then holds a partial document) or Failed
    // (a device write failed or the format cannot be produced in this process).
    virtual ExportResult write(const ExportInput &input, QIODevice &device,
                               const ExportProgress &progress = {})
            = 0;

protected:
    // Calls progress when set; true means "go on".
    static bool reportProgress(const ExportProgress &progress, int done, int total)
    {
        return !progress || progress(done, total);
    }
    // Writes all of `bytes`; false (and *error set) when the device refused any of it.
    static bool writeAll(QIODevice &device, const QByteArray &bytes, QString *error);
};

// Writes one export to a file atomically: the document goes to a QSaveFile and replaces the
// target only when it is complete. A cancelled or failed export, a crash or a full disk leave
// the previous file exactly as it was (or no file when there was none).
//
// Safe to call from a worker thread; the writer and the input must not be used by another
// thread meanwhile. A GUI runs it through QtConcurrent::run (or a QThread) and cancels from the
// GUI thread with an atomic flag checked in the progress callback:
//
//     auto cancel = std::make_shared<std::atomic_bool>(false);
//     QtConcurrent::run([input, path, cancel] {
//         JsonExporter writer;
//         return ExportTask::run(input, writer, path, [cancel](int, int) { return !*cancel; });
//     });
//
// (batchwatch_report's Exporter::run does the same for every format, including HTML and PDF.)
namespace ExportTask {
ExportResult run(const ExportInput &input, ExportWriter &writer, const QString &path,
                 const ExportProgress &progress = {});
} // namespace ExportTask

} // namespace bw
