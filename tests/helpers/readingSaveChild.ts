/**
 * Saves reading data to a file again and again until killed (the kill test's victim). Each save carries its
 * number in every note.
 */
import { ReadingDataFile } from '../../core/node/readingDataFile.js';
import { emptyReadingData } from '../../core/common/readingData.js';

const store = new ReadingDataFile(process.argv[2]);
/** About 30 MB a save: long enough to be caught writing. */
const HIGHLIGHTS = 2000;
const note = 'Ghi chú dài để mỗi lần lưu mất chút thời gian. '.repeat(300);
for (let round = 1; ; round++) {
  const data = emptyReadingData();
  for (let i = 0; i < HIGHLIGHTS; i++) {
    data.highlights.push({
      id: `r${round}-${i}`,
      slug: 'bai-giang',
      anchor: { quote: `đoạn ${i}`, prefix: '', suffix: '' },
      color: 'green',
      note: `lần ${round}: ${note}`,
      createdAt: new Date().toISOString(),
    });
  }
  await store.save(data);
}
