# صفحه‌های خود Folio، به فارسی: فهرست مطالب، صفحهٔ مطالب ذخیره‌شده، دکمهٔ «ذخیره برای خواندن
# آفلاین» و آنچه خواننده می‌بیند وقتی چیزی نمایش داده نمی‌شود. $site نشانی است، $name آنچه
# خواسته شده، $number یک عدد، $value یک اندازه (مثل «۴ مبی‌بایت») و $reason دلیل؛ نشانی‌ها و
# جزئیاتی که Folio به انگلیسی می‌دهد همان‌طور که هست نمایش داده می‌شود.

# فهرست مطالب.
catalog-title = مطالب
catalog-page-title = Folio — مطالب
catalog-description = مطالبی که در Folio می‌توانید بخوانید.
catalog-picture-unavailable = عکس در دسترس نیست

# صفحهٔ مطالب ذخیره‌شده (فهرستش را اسکریپت آفلاین صفحه پر می‌کند).

# دکمهٔ مطلب.
save-offline = ذخیره برای خواندن آفلاین

# وقتی چیزی نمایش داده نمی‌شود.
failure-loading = در حال بارگذاری مطلب…
failure-retry = تلاش دوباره
failure-see-all = دیدن همهٔ مطالب
failure-not-found = مطلب پیدا نشد
failure-not-found-detail = این پیدا نشد: { $name }. شاید جابه‌جا یا حذف شده باشد.
failure-server = سرور با مشکل روبه‌رو شد
failure-server-detail = سرور برای { $site } خطای { $number } داد. کمی بعد دوباره امتحان کنید.
failure-offline = به نظر می‌رسد آفلاین هستید
failure-offline-detail = Folio نتوانست به { $site } دسترسی پیدا کند. اتصال خود را بررسی کنید و دوباره امتحان کنید.
# $name پیوند صفحهٔ «مطالب ذخیره‌شده» است.
failure-offline-saved = مطالبی که ذخیره کرده‌اید بدون اینترنت باز می‌شوند: { $name }
failure-timeout = این کار بیش از حد طول کشیده است
failure-timeout-detail = پس از { $number } ثانیه پاسخی از { $site } نرسید. شاید اتصال کند باشد؛ دوباره امتحان کنید.
failure-invalid = این مطلب قابل نمایش نیست
failure-invalid-detail = در { $name } مشکلاتی هست که ناشر باید برطرف کند:
failure-unsupported = این مطلب به نسخهٔ تازه‌تری از Folio نیاز دارد
failure-refused = این مطلب بارگذاری نشد
failure-refused-detail = Folio نشانی { $site } را بارگذاری نکرد، به این دلیل: { $reason }.
failure-too-large = این فایل بیش از حد بزرگ است
failure-too-large-detail = Folio دریافت { $site } را متوقف کرد: این فایل از { $value }، بیشترین اندازه‌ای که Folio از چنین فایلی می‌خواند، بزرگ‌تر است و نباید گوشی خواننده را پر کند. ناشر باید آن را کوچک‌تر کند.
failure-aborted = بارگذاری متوقف شد
failure-aborted-detail = بارگذاری نیمه‌کاره ماند.
failure-mib = { $number } مبی‌بایت
failure-kib = { $number } کیبی‌بایت
failure-bytes = { $number } بایت
