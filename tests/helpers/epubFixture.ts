/**
 * A library of our own for the e-book tests: formulas in every delimiter lectures use, a large photo and a
 * transparent diagram, a remote image that is not offline, links to another chapter's section, to a lecture
 * outside the book and to a draft, a quiz, code, a task list and a footnote.
 */
import sharp from 'sharp';
import { lecture } from './tempLibrary.js';

const FIRST = lecture(
  { title: 'Hồi quy tuyến tính từ đầu', time: '01/10/2025', tags: '[toan, co-ban]', description: 'Bài mở đầu.' },
  `Mô hình dự đoán $\\hat{y} = wx + b$ và cũng viết được \\(e^{i\\pi} + 1 = 0\\) ngay trong câu; sai số âm khi $y - \\hat{y} < 0$ (một ký tự điều khiển \u0007 lọt vào bài).

$$
L(w) = \\frac{1}{n} \\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2
$$

\\[
\\nabla_w L = -\\frac{2}{n} \\sum_i x_i (y_i - \\hat{y}_i)
\\]

$$ f(x) = \\begin{cases}
x & x > 0 \\\\
0 & x \\le 0
\\end{cases} $$

## Dữ liệu

![Đám mây điểm dữ liệu](images/diem-du-lieu.jpg)

<p align="center"><img src="images/so-do.png" width="300" alt="Sơ đồ trong suốt"></p>

![Ảnh trên mạng chưa tải](https://example.invalid/anh-tren-mang.png)

Xem thêm [mục hai của bài gradient](/blog/gradient-cho-nguoi-moi#mục-hai), [bài chưa có](/blog/bai-khong-ton-tai),
[bản nháp](/blog/ban-nhap-chua-xong), [đầu bài này](#dữ-liệu), [trang web](https://example.org/trang) và [tệp](./bai-tap.md).

<details>
<summary>Câu hỏi: vì sao bình phương sai số?</summary>

Vì nó **trơn** và phạt nặng sai số lớn.

</details>

\`\`\`python
def du_doan(w, b, x):
    return w * x + b  # đường thẳng
\`\`\`

- [x] Đọc bài
- [ ] Làm bài tập

Một chú thích[^ghi-chu].

[^ghi-chu]: Lời chú thích của chúng tôi.
`,
);

const SECOND = lecture(
  { title: 'Gradient cho người mới', time: '02/10/2025', tags: '[toan]' },
  '## Mục một\n\nĐi ngược hướng gradient.\n\n## Mục hai\n\nBước học $\\eta$ nhỏ.\n',
);
const DRAFT = lecture({ title: 'Bản nháp chưa xong', time: '03/10/2025', tags: '[toan]', is_published: 'false' }, 'Chưa viết.\n');

export async function fixtureFiles(): Promise<Record<string, string | Buffer>> {
  const photo = await sharp({ create: { width: 3000, height: 1800, channels: 3, background: '#3a7' } })
    .jpeg()
    .toBuffer();
  const diagram = await sharp({ create: { width: 600, height: 400, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.4 } } })
    .png()
    .toBuffer();
  return {
    'hoi-quy.md': FIRST,
    'gradient.md': SECOND,
    'nhap.md': DRAFT,
    'images/diem-du-lieu.jpg': photo,
    'images/so-do.png': diagram,
    'library.yml': 'name: Lớp học máy thử nghiệm\ntags:\n  toan: Toán\n',
  };
}
