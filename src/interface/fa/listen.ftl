# واژه‌های Folio برای خواندن مطلب با صدای بلند، به فارسی.

listen-region = خواندن با صدای بلند
listen-to-article = گوش دادن به این مطلب
listen-playback = پخش
listen-play = پخش
listen-pause = مکث
listen-resume = ادامه
# واژهٔ نمایان باید در نام کامل دکمه باشد.
listen-previous = قبلی
listen-previous-paragraph = بند قبلی
listen-next = بعدی
listen-next-paragraph = بند بعدی
listen-stop = توقف
listen-speed = سرعت
listen-speed-normal = { $speed } (عادی)
listen-voice = صدا

# سطر وضعیت.
listen-stopped = متوقف شد.
listen-finished = خواندن مطلب به پایان رسید.
listen-nothing-to-read = این مطلب متنی برای خواندن ندارد.
listen-browser-stopped = خواندن متوقف شد: مرورگر خطای «{ $code }» را گزارش کرد.
listen-failed = خواندن با صدای بلند ناموفق بود: { $why }.
listen-reading = در حال خواندن بند { $number } از { $count }
listen-paused = مکث در بند { $number } از { $count }
listen-unsupported = این مرورگر نمی‌تواند با صدای بلند بخواند.
listen-looking = در جست‌وجوی صدا…
listen-no-voice = این مرورگر صدایی برای زبان { $language } ({ $tag }) ندارد، پس نمی‌تواند این مطلب را با صدای بلند بخواند.
listen-no-voice-unnamed = این مرورگر صدایی برای زبان «{ $tag }» ندارد، پس نمی‌تواند این مطلب را با صدای بلند بخواند.
