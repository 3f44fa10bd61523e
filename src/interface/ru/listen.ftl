# Слова Folio для чтения статьи вслух, по-русски.

listen-region = Чтение вслух
listen-to-article = Слушать статью
listen-playback = Воспроизведение
listen-play = Слушать
listen-pause = Пауза
listen-resume = Продолжить
# Видимое слово должно входить в полное название кнопки.
listen-previous = Предыдущий
listen-previous-paragraph = Предыдущий абзац
listen-next = Следующий
listen-next-paragraph = Следующий абзац
listen-stop = Стоп
listen-speed = Скорость
listen-speed-normal = { $speed } (обычная)
listen-voice = Голос

# Строка состояния.
listen-stopped = Остановлено.
listen-finished = Статья прочитана до конца.
listen-nothing-to-read = В этой статье нет текста для чтения.
listen-browser-stopped = Чтение остановлено: браузер сообщил об ошибке «{ $code }».
listen-failed = Не удалось прочитать вслух: { $why }.
listen-reading = Чтение абзаца { $number } из { $count }
listen-paused = Пауза на абзаце { $number } из { $count }
listen-unsupported = Этот браузер не умеет читать вслух.
listen-looking = Ищем голос…
listen-no-voice = В этом браузере нет голоса для языка «{ $language }» ({ $tag }), поэтому он не может прочитать эту статью вслух.
listen-no-voice-unnamed = В этом браузере нет голоса для языка «{ $tag }», поэтому он не может прочитать эту статью вслух.
