# واژه‌های خود Folio در متن یک مطلب، به فارسی.

published = منتشرشده در
updated = به‌روزشده در
reading-time = { $minutes } دقیقه مطالعه
older-than = بیش از { $years } سال از انتشار این مطلب می‌گذرد.
safety-pointer = نکتهٔ ایمنی برای خوانندگان این مطلب را بخوانید
notice-legal = تذکر حقوقی
notice-safety = نکتهٔ ایمنی
notice-correction = اصلاحیه
notice-editors-note = یادداشت سردبیر
related = مطالب مرتبط
topics = موضوع‌ها
source = منبع:
footnotes = پانویس‌ها
footnote = پانویس { $number }
back-to-reference = بازگشت به ارجاع { $number }
unrendered-html = HTML نمایش‌داده‌نشده
done = انجام‌شده
not-done = انجام‌نشده
table = جدول
opens-in-new-tab = (در برگه‌ای تازه باز می‌شود)
image = تصویر:
credit = عکس:
image-unavailable = تصویر در دسترس نیست

# صفحهٔ پیرامون مطلب.
skip-to-content = رفتن به محتوا
saved-articles = مطالب ذخیره‌شده
site-footer = Folio بسته‌های مقاله را نمایش می‌دهد. هر مقاله منبع خود را ذکر می‌کند.
read-on = متن کامل این مطلب را در { $site } بخوانید
reading-tools = ابزارهای خواندن
